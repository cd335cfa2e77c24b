// Triangle LFO, expert version: one free-running 7-bit phase; the level is the
// phase's low bits mirrored by its top bit, the direction is the top bit.
module tri_lfo (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    output wire [5:0] level,
    output wire       rising
);
    reg [6:0] ph;

    always @(posedge clk) begin
        if (rst)
            ph <= 7'd0;
        else if (en)
            ph <= ph + 7'd1;
    end

    assign level  = ph[5:0] ^ {6{ph[6]}};
    assign rising = ~ph[6];
endmodule
