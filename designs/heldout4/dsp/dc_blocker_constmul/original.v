// DC-blocking filter (one-pole high-pass) for a 16-bit audio stream:
// y[n] = x[n] - x[n-1] + (31/32) * y[n-1], the pole factor as a constant multiply.
module dc_blocker (
  input  wire               clk,
  input  wire               rst_n,
  input  wire               in_valid,
  input  wire signed [15:0] x,
  output reg  signed [17:0] y
);
  localparam signed [6:0] POLE_Q5 = 7'sd31;   // 0.96875 in Q1.5

  reg  signed [15:0] x_d;
  wire signed [24:0] fb   = y * POLE_Q5;
  wire signed [17:0] y_nx = x - x_d + (fb >>> 5);

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      x_d <= 16'sd0;
      y   <= 18'sd0;
    end else if (in_valid) begin
      x_d <= x;
      y   <= y_nx;
    end
  end
endmodule
