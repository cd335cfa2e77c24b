// Dual-issue slot checker (hand-optimized): lowest-set-bit clears instead of a lane count.
module slot_check (
    input  wire [9:0] ready,
    input  wire       en,
    output wire       pair,
    output wire       fits
);
    wire [9:0] c1 = ready & (ready - 10'd1);
    wire [9:0] c2 = c1 & (c1 - 10'd1);
    assign pair = en & |c1 & ~|c2;
    assign fits = ~|c2;
endmodule
