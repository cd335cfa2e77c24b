// Selectable extreme of three signed samples (SystemVerilog): pick_max picks
// the maximum, else the minimum; every step of the chain has a >= comparator
// for the maximum and a <= comparator for the minimum.
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
    assign ab = pick_max ? ((a >= b) ? a : b) : ((a <= b) ? a : b);
    always_comb begin
        e = pick_max ? (ab >= c ? ab : c) : (ab <= c ? ab : c);
    end
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
