module fir_sym_coeff (
  input             clk,
  input      [7:0]  din,
  input      [7:0]  c0, c1,
  output reg [17:0] dout
);
  reg [7:0] d0, d1, d2, d3;
  always @(posedge clk) begin
    d0 <= din; d1 <= d0; d2 <= d1; d3 <= d2;
    dout <= c0 * (d0 + d3) + c1 * (d1 + d2);
  end
endmodule
