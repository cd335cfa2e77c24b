// Gain stage of a decimator: one adder and one shifter; the mode bits pick the shift amount.
module gain_acc (
    input  wire [1:0]  mode,
    input  wire [2:0]  k,
    input  wire [15:0] sum,
    input  wire [15:0] smp,
    output wire [15:0] nxt
);
    wire [2:0]  amt    = mode[1] ? k : {1'b0, mode[0], mode[0]};
    wire [15:0] addend = (mode == 2'd3) ? 16'd0 : (smp << amt);
    assign nxt = sum + addend;
endmodule
