// Reference: wptr stays below 12 and step is at most 3, so wptr + step < 24:
// one conditional subtraction wraps it, and the bank is one compare.
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
    wire [4:0] t = wptr[3:0] + step;
    assign nxt  = {4'd0, (t >= 5'd12) ? t[3:0] - 4'd12 : t[3:0]};
    assign bank = {7'd0, wptr[3:0] >= 4'd6};

    always @(posedge clk or negedge rst_n)
        if (!rst_n)
            wptr <= 8'd0;
        else if (adv)
            wptr <= nxt;
endmodule
