// Sensor offset correction: the signed difference is registered, its sign bit tested after the
// register, and a positive value is scaled by a 4-bit gain.
module offs_gain (
  input  wire        clk,
  input  wire        rst_n,
  input  wire [11:0] raw,
  input  wire [11:0] offs,
  input  wire [3:0]  k,
  output reg  [15:0] y
);
  reg [12:0] corr;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      corr <= 13'd0;
      y    <= 16'd0;
    end else begin
      corr <= {1'b0, raw} - {1'b0, offs};
      y    <= corr[12] ? 16'd0 : corr[11:0] * k;
    end
  end
endmodule
