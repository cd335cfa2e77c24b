// Four-tap symmetric smoothing filter (weights 7, 23, 23, 7): the mirrored samples are pre-added, the
// weights split into signed digits (7 = 8 - 1, 23 = 16 + 8 - 1), all negative terms subtracted once;
// every partial sum at the width its value needs (7*2*255 + 23*2*255 =
// 15300 < 2^14); the borrow never reaches the upper bits.
module csd_taps (
    input  wire [31:0] samples,
    output wire [31:0] y
);
    wire [8:0]  outer = samples[7:0] + samples[31:24];
    wire [8:0]  inner = samples[15:8] + samples[23:16];
    // every positive shifted term in one sum, every negative one in another: one subtraction
    wire [13:0] pos = {outer, 3'b000} + {inner, 4'b0000} + {inner, 3'b000};
    wire [9:0]  neg = outer + inner;
    assign y = pos - neg;
endmodule
