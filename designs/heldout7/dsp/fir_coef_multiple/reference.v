// Transposed-form 3-tap FIR with constant coefficients
// (this design uses C1 = 2*C0 and C2 = 3*C0: one constant product, a shift and an add)
module fir3t #(parameter signed [9:0] C0 = 3, C1 = 5, C2 = 3) (
  input clk, input rst, input signed [11:0] x, output reg signed [23:0] y
);
  wire signed [23:0] p0 = x * C0;
  wire signed [23:0] p1 = p0 <<< 1;
  wire signed [23:0] p2 = p0 + p1;
  reg  signed [23:0] z1, z2;
  always @(posedge clk) begin
    if (rst) begin z1 <= 0; z2 <= 0; y <= 0; end
    else begin
      z2 <= p2;
      z1 <= z2 + p1;
      y  <= z1 + p0;
    end
  end
endmodule

module transposed_fir (input clk, input rst, input signed [11:0] x, output signed [23:0] y);
  fir3t #(.C0(10'sd45), .C1(10'sd90), .C2(10'sd135)) u_f (.clk(clk), .rst(rst), .x(x), .y(y));
endmodule
