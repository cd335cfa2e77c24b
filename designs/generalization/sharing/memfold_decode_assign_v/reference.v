// Hand reference: one buffer, a one-bit fill/drain controller (draining = the state bit).
module pingpong_drain (
  input            clk,
  input            rst,
  input            go,
  input      [7:0] d,
  input      [1:0] a,
  output reg [7:0] q,
  output           draining
);
  reg [7:0] buf_a [0:3];
  reg       state;
  integer i;

  assign draining = state;

  always @(posedge clk) begin
    if (rst) begin
      state <= 1'b0;
      q <= 8'd0;
    end else if (!state) begin
      if (go) begin
        for (i = 0; i < 4; i = i + 1) buf_a[i] <= d + i;
        state <= 1'b1;
      end
    end else begin
      q <= buf_a[a];
      state <= 1'b0;
    end
  end
endmodule
