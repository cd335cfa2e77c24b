// Dual-issue slot checker: an integer counts the ready lanes in an always block; the issue logic only
// asks whether exactly two are ready and whether fewer than three are.
module slot_check (
    input  wire [9:0] ready,
    input  wire       en,
    output reg        pair,
    output reg        fits
);
    integer i, nr;
    always @(*) begin
        nr = 0;
        for (i = 0; i < 10; i = i + 1)
            nr = nr + ready[i];
        pair = en && (nr == 2);
        fits = (nr < 3);
    end
endmodule
