// Two-finger touch gesture engine: for each axis the two touch coordinates
// are ordered (min/max), then the gesture centre (min + max) / 2 and the
// span max - min are computed; the spans give the pinch distance.
module axis_pair #(
    parameter W = 12
) (
    input  wire [W-1:0] p,
    input  wire [W-1:0] q,
    output wire [W-1:0] lo,
    output wire [W-1:0] hi
);
    wire lt = p < q;
    assign lo = lt ? p : q;
    assign hi = lt ? q : p;
endmodule

module axis_geom #(
    parameter W = 12
) (
    input  wire [W-1:0] lo,
    input  wire [W-1:0] hi,
    output wire [W-1:0] centre,
    output wire [W-1:0] span
);
    wire [W:0] s = lo + hi;
    assign centre = s[W:1];
    assign span   = hi - lo;
endmodule

module pinch_gest #(
    parameter W = 12
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         vld,
    input  wire [W-1:0] x1,
    input  wire [W-1:0] y1,
    input  wire [W-1:0] x2,
    input  wire [W-1:0] y2,
    output reg  [W-1:0] cx,
    output reg  [W-1:0] cy,
    output reg  [W:0]   dist
);
    wire [W-1:0] xl, xh, yl, yh, cxn, cyn, sx, sy;
    axis_pair #(.W(W)) u_px (.p(x1), .q(x2), .lo(xl), .hi(xh));
    axis_pair #(.W(W)) u_py (.p(y1), .q(y2), .lo(yl), .hi(yh));
    axis_geom #(.W(W)) u_gx (.lo(xl), .hi(xh), .centre(cxn), .span(sx));
    axis_geom #(.W(W)) u_gy (.lo(yl), .hi(yh), .centre(cyn), .span(sy));
    always @(posedge clk) begin
        if (rst) begin
            cx <= {W{1'b0}}; cy <= {W{1'b0}}; dist <= {(W+1){1'b0}};
        end else if (vld) begin
            cx <= cxn; cy <= cyn; dist <= sx + sy;     // Manhattan pinch distance
        end
    end
endmodule

module touch_top (
    input  wire        clk,
    input  wire        rst,
    input  wire        vld,
    input  wire [9:0]  x1,
    input  wire [9:0]  y1,
    input  wire [9:0]  x2,
    input  wire [9:0]  y2,
    output wire [9:0]  cx,
    output wire [9:0]  cy,
    output wire [10:0] dist
);
    pinch_gest #(.W(10)) u_g (.clk(clk), .rst(rst), .vld(vld), .x1(x1), .y1(y1), .x2(x2), .y2(y2),
                              .cx(cx), .cy(cy), .dist(dist));
endmodule
