// Manhattan (L1) distance between two grid positions, used by a robot
// navigation unit to rank candidate waypoints.
module abs_sub #(
    parameter W = 8
) (
    input  wire [W-1:0] a,
    input  wire [W-1:0] b,
    output wire [W-1:0] d
);
    // |a - b|: one subtraction, negated when it borrowed
    wire [W:0] s = {1'b0, a} - {1'b0, b};
    assign d = (s[W-1:0] ^ {W{s[W]}}) + s[W];
endmodule

module manhattan #(
    parameter W = 8
) (
    input  wire [W-1:0] x1,
    input  wire [W-1:0] y1,
    input  wire [W-1:0] x2,
    input  wire [W-1:0] y2,
    output wire [W:0]   l1_dist
);
    wire [W-1:0] dx, dy;
    abs_sub #(.W(W)) u_dx (.a(x1), .b(x2), .d(dx));
    abs_sub #(.W(W)) u_dy (.a(y1), .b(y2), .d(dy));
    assign l1_dist = dx + dy;
endmodule

module nav_dist (
    input  wire [11:0] cur_x,
    input  wire [11:0] cur_y,
    input  wire [11:0] wp_x,
    input  wire [11:0] wp_y,
    output wire [12:0] l1_dist
);
    manhattan #(.W(12)) u_l1 (.x1(cur_x), .y1(cur_y), .x2(wp_x), .y2(wp_y), .l1_dist(l1_dist));
endmodule
