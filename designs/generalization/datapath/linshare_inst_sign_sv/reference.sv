// Three-phase sign matrix (SystemVerilog): each output is one instance of a
// signed three-term combiner whose per-term signs are int parameters.
module tri_comb #(
    parameter int W  = 8,
    parameter int SA = 1,
    parameter int SB = 1,
    parameter int SC = 1
) (
    input  logic signed [W-1:0] a,
    input  logic signed [W-1:0] b,
    input  logic signed [W-1:0] c,
    output logic signed [W+1:0] y
);
    always_comb begin
        y = W'(0);
        y = SA * a + SB * b + SC * c;
    end
endmodule

module sign_matrix #(
    parameter int W = 8
) (
    input  logic signed [W-1:0] ia,
    input  logic signed [W-1:0] ib,
    input  logic signed [W-1:0] ic,
    output logic signed [W+1:0] y0,
    output logic signed [W+1:0] y1,
    output logic signed [W+1:0] y2,
    output logic signed [W+1:0] y3
);
    // a + b and a - b once, each shared by two outputs
    logic signed [W:0] ab_p, ab_m;
    assign ab_p = ia + ib;
    assign ab_m = ia - ib;
    assign y0 = ab_p + ic;
    assign y1 = ab_p - ic;
    assign y2 = ab_m + ic;
    assign y3 = ab_m - ic;
endmodule

module sign_top (
    input  logic signed [11:0] ia,
    input  logic signed [11:0] ib,
    input  logic signed [11:0] ic,
    output logic signed [13:0] y0,
    output logic signed [13:0] y1,
    output logic signed [13:0] y2,
    output logic signed [13:0] y3
);
    sign_matrix #(.W(12)) u_m (.ia(ia), .ib(ib), .ic(ic), .y0(y0), .y1(y1), .y2(y2), .y3(y3));
endmodule
