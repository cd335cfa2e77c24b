module grant_q (
  input             clk,
  input             rst,
  input             load,
  input      [15:0] req,
  output reg [3:0]  gnt_idx,
  output reg        gnt_vld
);
  integer i;
  reg [3:0] idx;
  reg       hit;
  always @(posedge clk) begin
    idx = 4'd0;
    hit = 1'b0;
    for (i = 0; i < 16; i = i + 1)
      if (req[i] && !hit) begin
        idx = i[3:0];
        hit = 1'b1;
      end
    if (rst) begin
      gnt_idx <= 4'd0;
      gnt_vld <= 1'b0;
    end else if (load) begin
      gnt_idx <= idx;
      gnt_vld <= hit;
    end
  end
endmodule
