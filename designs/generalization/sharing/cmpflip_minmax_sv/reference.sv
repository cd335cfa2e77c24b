// Selectable extreme of three signed samples (SystemVerilog): one comparator
// per step, its result flipped by the selection (ties pick an equal value).
module extreme3 #(
    parameter int W = 10
) (
    input  logic                pick_max,
    input  logic signed [W-1:0] a,
    input  logic signed [W-1:0] b,
    input  logic signed [W-1:0] c,
    output logic signed [W-1:0] e
);
    logic signed [W-1:0] ab;
    assign ab = ((a >= b) ^ ~pick_max) ? a : b;
    assign e  = ((ab >= c) ^ ~pick_max) ? ab : c;
endmodule

module extreme3_top (
    input  logic              clk,
    input  logic              pick_max,
    input  logic signed [9:0] a, b, c,
    output logic signed [9:0] q
);
    logic signed [9:0] e;
    extreme3 #(.W(10)) u_x (.pick_max, .a, .b, .c, .e);
    always_ff @(posedge clk) q <= e;
endmodule
