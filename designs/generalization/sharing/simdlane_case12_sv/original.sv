// Small vector ALU slice: a 2-bit mode picks the plain 12-bit sum (modes 0 and 3) or four 3-bit
// lane sums (modes 1 and 2), the lanes computed by a function.
module vec_add3 #(parameter int LANES = 2, parameter int LW = 8) (
    input  logic [1:0]          mode,
    input  logic [LANES*LW-1:0] a,
    input  logic [LANES*LW-1:0] b,
    output logic [LANES*LW-1:0] y
);
    function automatic logic [LANES*LW-1:0] lanes_of(input logic [LANES*LW-1:0] p, q);
        logic [LANES*LW-1:0] r;
        for (int i = 0; i < LANES; i++)
            r[i*LW +: LW] = p[i*LW +: LW] + q[i*LW +: LW];
        lanes_of = r;
    endfunction

    always_comb begin
        case (mode)
            2'd1, 2'd2: y = lanes_of(a, b);
            default:    y = a + b;
        endcase
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
