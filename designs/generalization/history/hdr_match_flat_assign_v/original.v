// 3-byte header delay line as three named registers; the match conjunction is a continuous assign and
// the newest byte is also compared alone (an FF flag): 3 match-progress flags and 1 comparison flag
module hdr_match (input clk, input rst, input en, input [7:0] din, output hit, output ff_now);
  reg [7:0] a, b, c;
  always @(posedge clk)
    if (rst) begin a <= 8'h00; b <= 8'h00; c <= 8'h00; end
    else if (en) begin a <= din; b <= a; c <= b; end
  assign hit = (c == 8'hC3) && (b == 8'h3C) && (a == 8'h99);
  assign ff_now = (a == 8'hFF);
endmodule
