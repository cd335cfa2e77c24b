// Lattice energy term: x^2 - y^2 of two signed taps, each square from a child instance with an
// always_comb body, the taps read from a packed array.
module sqr #(parameter int N = 5) (
    input  logic signed [N-1:0]   v,
    output logic signed [2*N-1:0] p
);
    always_comb p = v * v;
endmodule

module latt_energy #(parameter int N = 5) (
    input  logic signed [1:0][N-1:0] tap,
    output logic signed [2*N:0]      e
);
    logic signed [2*N-1:0] s0, s1;
    sqr #(.N(N)) u0 (.v(tap[0]), .p(s0));
    sqr #(.N(N)) u1 (.v(tap[1]), .p(s1));
    assign e = s0 - s1;
endmodule

module latt_top (
    input  logic signed [1:0][4:0] tap,
    output logic signed [10:0]     e
);
    latt_energy #(.N(5)) u_e (.*);
endmodule
