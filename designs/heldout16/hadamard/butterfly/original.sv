// 4x4 Hadamard transform of SATD cost estimation (video encoder mode
// decision): rows then columns, each a 4-point Hadamard written out from
// its matrix.
module hada4 #(
    parameter int W = 9
) (
    input  logic signed [3:0][W-1:0]   x,
    output logic signed [3:0][W+1:0]   y
);
    // H4 = [1 1 1 1; 1 1 -1 -1; 1 -1 -1 1; 1 -1 1 -1]
    logic signed [W-1:0] x0, x1, x2, x3;
    always_comb begin
        x0 = x[0];
        x1 = x[1];
        x2 = x[2];
        x3 = x[3];
        y[0] = x0 + x1 + x2 + x3;
        y[1] = x0 + x1 - x2 - x3;
        y[2] = x0 - x1 - x2 + x3;
        y[3] = x0 - x1 + x2 - x3;
    end
endmodule

module satd_row #(
    parameter int W = 9
) (
    input  logic              clk,
    input  logic              en,
    input  logic signed [3:0][W-1:0] diff,
    output logic signed [3:0][W+1:0] coef
);
    logic signed [3:0][W+1:0] c;
    hada4 #(.W(W)) u_h (.x(diff), .y(c));
    always_ff @(posedge clk)
        if (en) coef <= c;
endmodule

module satd_top (
    input  logic              clk,
    input  logic              en,
    input  logic signed [3:0][6:0] d_a,
    input  logic signed [3:0][6:0] d_b,
    output logic signed [3:0][8:0] c_a,
    output logic signed [3:0][8:0] c_b
);
    satd_row #(.W(7)) u_ra (.clk, .en, .diff(d_a), .coef(c_a));
    satd_row #(.W(7)) u_rb (.clk, .en, .diff(d_b), .coef(c_b));
endmodule
