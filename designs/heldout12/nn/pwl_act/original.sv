// Piecewise-linear activation unit of a small NN accelerator: four segments
// with programmable slopes and offsets; the breakpoints are parameters.
module pwl_act #(
    parameter int W  = 8,
    parameter int B1 = 64,
    parameter int B2 = 128,
    parameter int B3 = 192
) (
    input  logic [W-1:0]   x,
    input  logic [W-1:0]   k0, k1, k2, k3,   // slopes
    input  logic [2*W-1:0] c0, c1, c2, c3,   // offsets
    output logic [2*W-1:0] y
);
    logic [2*W-1:0] y0, y1, y2, y3;
    always_comb begin
        y0 = k0 * x + c0;
        y1 = k1 * x + c1;
        y2 = k2 * x + c2;
        y3 = k3 * x + c3;
        if (x < W'(B1))      y = y0;
        else if (x < W'(B2)) y = y1;
        else if (x < W'(B3)) y = y2;
        else                 y = y3;
    end
endmodule

module act_unit (
    input  logic [5:0]  x,
    input  logic [5:0]  k0, k1, k2, k3,
    input  logic [11:0] c0, c1, c2, c3,
    output logic [11:0] y
);
    pwl_act #(.W(6), .B1(10), .B2(24), .B3(45)) u_pwl (.*);
endmodule
