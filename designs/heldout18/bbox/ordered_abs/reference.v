// Sprite bounding box: min/max of four corner coordinates per axis, then
// the extent as the absolute difference of the two.
module minmax4 #(parameter W = 10) (
  input [W-1:0] a, b, c, d,
  output [W-1:0] mn, mx
);
  wire [W-1:0] lo0 = (a < b) ? a : b;
  wire [W-1:0] hi0 = (a < b) ? b : a;
  wire [W-1:0] lo1 = (c < d) ? c : d;
  wire [W-1:0] hi1 = (c < d) ? d : c;
  assign mn = (lo0 < lo1) ? lo0 : lo1;
  assign mx = (hi0 > hi1) ? hi0 : hi1;
endmodule

module absdiff #(parameter W = 10) (
  input [W-1:0] p, q, output [W-1:0] r
);
  assign r = (p > q) ? p - q : q - p;
endmodule

module bbox_unit #(parameter W = 10) (
  input clk, input rst_n, input en,
  input [W-1:0] x0, x1, x2, x3, y0, y1, y2, y3,
  output reg [W-1:0] bx, by, bw, bh
);
  wire [W-1:0] xmn, xmx, ymn, ymx, w, h;
  minmax4 #(.W(W)) u_x (.a(x0), .b(x1), .c(x2), .d(x3), .mn(xmn), .mx(xmx));
  minmax4 #(.W(W)) u_y (.a(y0), .b(y1), .c(y2), .d(y3), .mn(ymn), .mx(ymx));
  // max >= min by construction: the absolute difference is the difference
  assign w = xmx - xmn;
  assign h = ymx - ymn;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin bx <= 0; by <= 0; bw <= 0; bh <= 0; end
    else if (en) begin bx <= xmn; by <= ymn; bw <= w; bh <= h; end
endmodule

module sprite_bbox (
  input clk, input rst_n, input en,
  input [8:0] x0, x1, x2, x3, y0, y1, y2, y3,
  output [8:0] left, top, width, height
);
  bbox_unit #(.W(9)) u_bb (.clk(clk), .rst_n(rst_n), .en(en), .x0(x0), .x1(x1), .x2(x2), .x3(x3),
    .y0(y0), .y1(y1), .y2(y2), .y3(y3), .bx(left), .by(top), .bw(width), .bh(height));
endmodule
