// Event counters per class (cls = ev[2:0]) in an integer array, saturating at LIMIT (ternary update,
// one always block per generate iteration); any_sat flags a saturated class
module evbins #(parameter LIMIT = 1000) (
  input clk, input rst, input stb, input [2:0] cls,
  output [7:0] hi, output any_sat
);
  integer tally [0:7];
  wire [7:0] sat;
  genvar g;
  generate for (g = 0; g < 8; g = g + 1) begin : gb
    always @(posedge clk)
      if (rst) tally[g] <= 0;
      else if (stb && cls == g) tally[g] <= (tally[g] >= LIMIT) ? tally[g] : tally[g] + 1;
    assign sat[g] = (tally[g] == LIMIT);
    assign hi[g] = (tally[g] > 12);
  end endgenerate
  assign any_sat = |sat;
endmodule

module evbins25 (input clk, input rst, input stb, input [2:0] cls, output [7:0] hi, output any_sat);
  evbins #(.LIMIT(25)) u (.clk(clk), .rst(rst), .stb(stb), .cls(cls), .hi(hi), .any_sat(any_sat));
endmodule
