// 2D blitter setup: the pixel count of a rectangle given inclusive end
// coordinates (w+1)*(h+1) and of its interior w*h.
module rect_area #(parameter W = 10) (
  input  [W-1:0] w, h,
  output [2*W-1:0] excl,
  output [2*W+1:0] incl
);
  // (w+1)(h+1) = w*h + w + h + 1: one multiplier
  assign excl = w * h;
  assign incl = {2'b00, excl} + w + h + 1'b1;
endmodule

module blit_setup #(parameter W = 10) (
  input clk, input rst_n, input start,
  input [W-1:0] x0, y0, x1, y1,
  output reg [2*W+1:0] pixels,
  output reg [2*W-1:0] interior,
  output reg ready
);
  wire [W-1:0] w = x1 - x0;
  wire [W-1:0] h = y1 - y0;
  wire [2*W-1:0] ex;
  wire [2*W+1:0] in;
  rect_area #(.W(W)) u_area (.w(w), .h(h), .excl(ex), .incl(in));
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      pixels <= 0; interior <= 0; ready <= 1'b0;
    end else begin
      ready <= start;
      if (start) begin pixels <= in; interior <= ex; end
    end
endmodule

module blitter_regs (
  input clk, input rst_n, input start,
  input [5:0] sx, sy, ex, ey,
  output [13:0] npix, output [11:0] ninner, output done
);
  blit_setup #(.W(6)) u_setup (.clk(clk), .rst_n(rst_n), .start(start), .x0(sx), .y0(sy), .x1(ex), .y1(ey),
    .pixels(npix), .interior(ninner), .ready(done));
endmodule
