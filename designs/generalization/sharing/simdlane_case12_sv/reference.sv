// Small vector ALU slice: a 2-bit mode picks the plain 12-bit sum (modes 0 and 3) or four 3-bit
// lane sums (modes 1 and 2), the lanes computed by a function.
module vec_add3 #(parameter int LANES = 2, parameter int LW = 8) (
    input  logic [1:0]          mode,
    input  logic [LANES*LW-1:0] a,
    input  logic [LANES*LW-1:0] b,
    output logic [LANES*LW-1:0] y
);
    // reference: one chain of lane adders, the carry between lanes killed in modes 1 and 2
    logic [LW:0] t;
    logic        c;
    always_comb begin
        c = 1'b0;
        for (int i = 0; i < LANES; i++) begin
            t = {1'b0, a[i*LW +: LW]} + {1'b0, b[i*LW +: LW]} + {{LW{1'b0}}, c};
            y[i*LW +: LW] = t[LW-1:0];
            c = t[LW] & (mode[0] ~^ mode[1]);
        end
    end
endmodule

module vec_top (
    input  logic [1:0]  mode,
    input  logic [11:0] a,
    input  logic [11:0] b,
    output logic [11:0] y
);
    vec_add3 #(.LANES(4), .LW(3)) u_vec (.*);
endmodule
