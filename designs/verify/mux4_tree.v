// mux tree instead of case; ports declared in a different order
module mux4(output [7:0] y, input [7:0] d, c, b, a, input [1:0] sel);
  wire [7:0] lo = sel[0] ? b : a;
  wire [7:0] hi = sel[0] ? d : c;
  assign y = sel[1] ? hi : lo;
endmodule
