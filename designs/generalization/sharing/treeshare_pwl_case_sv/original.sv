// Sigmoid-like piecewise-linear curve of a fixed-point activation: the segment index comes from
// an always_comb priority over the breakpoints, and a unique case on it computes the segment's
// offset + slope * x (the four segments spelled differently: x * k, k * x, offset first or last).
module pwl_curve #(
    parameter int W  = 8,
    parameter int P1 = 40,
    parameter int P2 = 90,
    parameter int P3 = 200
) (
    input  logic [W-1:0]   x,
    input  logic [W-1:0]   sa, sb, sc, sd,
    input  logic [2*W-1:0] oa, ob, oc, od,
    output logic [2*W-1:0] y
);
    logic [1:0] seg;
    always_comb begin
        seg = 2'd3;
        if (x < W'(P1))      seg = 2'd0;
        else if (x < W'(P2)) seg = 2'd1;
        else if (x < W'(P3)) seg = 2'd2;
    end

    always_comb begin
        unique case (seg)
            2'd0: y = x * sa + oa;
            2'd1: y = ob + sb * x;
            2'd2: y = sc * x + oc;
            default: y = od + x * sd;
        endcase
    end
endmodule

module pwl_top (
    input  logic [6:0]  x,
    input  logic [6:0]  sa, sb, sc, sd,
    input  logic [13:0] oa, ob, oc, od,
    output logic [13:0] y
);
    pwl_curve #(.W(7), .P1(20), .P2(50), .P3(100)) u_curve (.*);
endmodule
