// Fixed-point gain stage (y = x * GAIN / 8) as shift/add for the gains in use.
module gain #(
    parameter W    = 12,
    parameter GAIN = 5
) (
    input  wire           clk,
    input  wire [W-1:0]   x,
    output reg  [W+2:0]   y
);
    wire [W+7:0] prod;
    generate
        if (GAIN == 5)       assign prod = {x, 2'b00} + x;
        else if (GAIN == 12) assign prod = {x, 3'b000} + {x, 2'b00};
        else                 assign prod = x * GAIN;
    endgenerate
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
