// Fixed-point gain stage (y = x * GAIN / 8), used twice with different gains.
module gain #(
    parameter W    = 12,
    parameter GAIN = 5
) (
    input  wire           clk,
    input  wire [W-1:0]   x,
    output reg  [W+2:0]   y
);
    wire [W+7:0] prod = x * GAIN;
    always @(posedge clk) y <= prod[W+5:3];
endmodule

module stereo_gain (
    input  wire        clk,
    input  wire [11:0] left,
    input  wire [11:0] right,
    output wire [14:0] left_o,
    output wire [14:0] right_o
);
    gain #(.W(12), .GAIN(5))  u_l (.clk(clk), .x(left),  .y(left_o));
    gain #(.W(12), .GAIN(12)) u_r (.clk(clk), .x(right), .y(right_o));
endmodule
