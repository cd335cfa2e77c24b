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
    always_comb begin
        win = '0;
        for (int k = 0; k < LIM; k++) begin
            if (off == SW'(k))
                win = W'({hi, lo} >> k);
        end
    end
endmodule

module aligner (
    input  logic [19:0] w_lo,
    input  logic [19:0] w_hi,
    input  logic [4:0]  slip,
    output logic [19:0] frame
);
    window_pick #(.W(20), .SW(5), .LIM(17)) u_pick (.lo(w_lo), .hi(w_hi), .off(slip), .win(frame));
endmodule
