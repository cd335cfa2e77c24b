// swaps c and d: wrong when sel is 2 or 3
module mux4(input [1:0] sel, input [7:0] a, b, c, d, output [7:0] y);
  assign y = sel[1] ? (sel[0] ? c : d) : (sel[0] ? b : a);
endmodule
