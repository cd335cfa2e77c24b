// Window extractor of a serial-frame aligner: the W-bit window starting at
// bit 'off' of {hi, lo}; offsets from LIM on are illegal and give zero.
module window_pick #(
    parameter int W   = 8,
    parameter int SW  = 4,
    parameter int LIM = 8
) (
    input  logic [W-1:0]  lo,
    input  logic [W-1:0]  hi,
    input  logic [SW-1:0] off,
    output logic [W-1:0]  win
);
    // one funnel shifter over the bits a legal offset reaches, and one range compare
    assign win = (off < SW'(LIM)) ? W'({hi[LIM-2:0], lo} >> off) : '0;
endmodule

module aligner (
    input  logic [19:0] w_lo,
    input  logic [19:0] w_hi,
    input  logic [4:0]  slip,
    output logic [19:0] frame
);
    window_pick #(.W(20), .SW(5), .LIM(17)) u_pick (.lo(w_lo), .hi(w_hi), .off(slip), .win(frame));
endmodule
