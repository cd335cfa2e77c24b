// Reference: the (level, rising) pair walks a cycle of 2^(W+1) states, so a
// free-running W+1-bit phase counter folded by its MSB gives the same wave:
// level = msb ? ~low : low, rising = ~msb. No down-counter, no end compares.
module dac_test (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    output wire [5:0] dac,
    output wire       rising
);
    reg [6:0] ph;

    always @(posedge clk)
        if (rst)     ph <= 7'd0;
        else if (en) ph <= ph + 1'b1;

    assign dac    = ph[6] ? ~ph[5:0] : ph[5:0];
    assign rising = ~ph[6];
endmodule
