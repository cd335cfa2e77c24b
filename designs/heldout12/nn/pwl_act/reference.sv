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
    // select the segment's slope and offset, then one multiply-add
    logic [W-1:0]   k;
    logic [2*W-1:0] c;
    always_comb begin
        if (x < W'(B1))      begin k = k0; c = c0; end
        else if (x < W'(B2)) begin k = k1; c = c1; end
        else if (x < W'(B3)) begin k = k2; c = c2; end
        else                 begin k = k3; c = c3; end
        y = k * x + c;
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
