// Rotate unit of a small DSP core's bit-manipulation slot: rol / ror by a
// register amount, each written as the usual pair of shifts.
module rot_left #(
    parameter W  = 32,
    parameter SW = 5
) (
    input  wire [W-1:0]  x,
    input  wire [SW-1:0] n,
    output wire [W-1:0]  y
);
    assign y = (x << n) | (x >> (W - n));
endmodule

module rot_right #(
    parameter W  = 32,
    parameter SW = 5
) (
    input  wire [W-1:0]  x,
    input  wire [SW-1:0] n,
    output wire [W-1:0]  y
);
    assign y = (x >> n) | (x << (W - n));
endmodule

module rot_unit #(
    parameter W  = 32,
    parameter SW = 5
) (
    input  wire          clk,
    input  wire          en,
    input  wire          dir_right,
    input  wire [W-1:0]  src,
    input  wire [SW-1:0] amt,
    output reg  [W-1:0]  res
);
    wire [W-1:0] yl, yr;
    rot_left  #(.W(W), .SW(SW)) u_l (.x(src), .n(amt), .y(yl));
    rot_right #(.W(W), .SW(SW)) u_r (.x(src), .n(amt), .y(yr));
    always @(posedge clk)
        if (en) res <= dir_right ? yr : yl;
endmodule

module dsp_rot (
    input  wire        clk,
    input  wire        en,
    input  wire        op_ror,
    input  wire [15:0] a,
    input  wire [3:0]  sh,
    output wire [15:0] r
);
    rot_unit #(.W(16), .SW(4)) u_rot (.clk(clk), .en(en), .dir_right(op_ror), .src(a), .amt(sh), .res(r));
endmodule
