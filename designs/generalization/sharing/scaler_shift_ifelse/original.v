// Gain stage of a decimator: the sample is accumulated as is, times 2**k (programmable), times 8
// (fixed boost) or not at all, depending on the mode; one adder per branch as written.
module gain_acc (
    input  wire [1:0]  mode,
    input  wire [2:0]  k,
    input  wire [15:0] sum,
    input  wire [15:0] smp,
    output reg  [15:0] nxt
);
    always @* begin
        if (mode == 2'd2)
            nxt = sum + (smp << k);
        else if (mode == 2'd3)
            nxt = sum;
        else if (mode == 2'd1)
            nxt = sum + (smp << 3);
        else
            nxt = sum + smp;
    end
endmodule
