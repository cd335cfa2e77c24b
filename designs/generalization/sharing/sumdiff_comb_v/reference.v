// Joint-stereo encoder stage: one adder, b inverted and a carry-in when the difference is wanted.
module sd_core #(parameter N = 12) (
  input  wire clk,
  input  wire en,
  input  wire diff,
  input  wire signed [N-1:0] a,
  input  wire signed [N-1:0] b,
  output reg  signed [N:0] q
);
  wire [N:0] s = {a[N-1], a} + ({b[N-1], b} ^ {(N+1){diff}}) + diff;
  always @(posedge clk)
    if (en) q <= s;
endmodule

module sumdiff_top (
  input  wire clk, en, diff,
  input  wire signed [13:0] a, b,
  output wire signed [14:0] q
);
  sd_core #(.N(14)) u_core (.clk(clk), .en(en), .diff(diff), .a(a), .b(b), .q(q));
endmodule
