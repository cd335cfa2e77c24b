// Ring buffer of DEPTH = 12 slots: the write pointer advances by 1..3 slots per
// beat and wraps with %, the slot's bank (two banks of 6) is pointer / 6.
module ring_ptr #(
    parameter integer DEPTH = 12,
    parameter integer BANK  = 6
) (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       adv,
    input  wire [1:0] step,
    output reg  [7:0] wptr,
    output wire [7:0] bank,
    output wire [7:0] nxt
);
    assign nxt  = (wptr + step) % DEPTH;
    assign bank = wptr / BANK;

    always @(posedge clk or negedge rst_n)
        if (!rst_n)
            wptr <= 8'd0;
        else if (adv)
            wptr <= nxt;
endmodule
