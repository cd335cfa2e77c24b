// Two-finger touch gesture engine: for each axis the two touch coordinates
// are ordered (min/max), then the gesture centre (min + max) / 2 and the
// span max - min are computed; the spans give the pinch distance.
// Reference: min + max = p + q needs no ordering, and max - min = |p - q|
// comes from one subtraction and its borrow: comparator and muxes go.
module axis_geom #(
    parameter W = 12
) (
    input  wire [W-1:0] p,
    input  wire [W-1:0] q,
    output wire [W-1:0] centre,
    output wire [W-1:0] span
);
    wire [W:0] s = p + q;
    wire [W:0] d = {1'b0, p} - {1'b0, q};
    assign centre = s[W:1];
    assign span   = d[W] ? (~d[W-1:0] + 1'b1) : d[W-1:0];
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
    wire [W-1:0] cxn, cyn, sx, sy;
    axis_geom #(.W(W)) u_gx (.p(x1), .q(x2), .centre(cxn), .span(sx));
    axis_geom #(.W(W)) u_gy (.p(y1), .q(y2), .centre(cyn), .span(sy));
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
