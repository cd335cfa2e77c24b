module sign_pair_sv (
    input  logic signed [5:0]  a, b,
    input  logic               pol,
    output logic signed [11:0] p,
    output logic signed [11:0] q
);
    assign p = a * b;
    assign q = a * b;
endmodule
