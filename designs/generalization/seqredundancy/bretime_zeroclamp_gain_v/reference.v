// Sensor offset correction: clamped at zero before the register (12 flip-flops instead of 13).
module offs_gain (
  input  wire        clk,
  input  wire        rst_n,
  input  wire [11:0] raw,
  input  wire [11:0] offs,
  input  wire [3:0]  k,
  output reg  [15:0] y
);
  wire [12:0] d = {1'b0, raw} - {1'b0, offs};
  reg  [11:0] pos;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      pos <= 12'd0;
      y   <= 16'd0;
    end else begin
      pos <= d[12] ? 12'd0 : d[11:0];
      y   <= pos * k;
    end
  end
endmodule
