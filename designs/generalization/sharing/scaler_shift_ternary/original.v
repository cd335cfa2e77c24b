// Gain stage of a decimator written as one conditional expression: the sample is accumulated as
// is, times 2**k (programmable), times 8 (fixed boost), or not at all.
module gain_acc (
    input  wire [1:0]  mode,
    input  wire [2:0]  k,
    input  wire [15:0] sum,
    input  wire [15:0] smp,
    output wire [15:0] nxt
);
    assign nxt = (mode == 2'd0) ? sum + smp :
                 (mode == 2'd1) ? sum + (smp << k) :
                 (mode == 2'd2) ? sum + (smp << 3) :
                                  sum;
endmodule
