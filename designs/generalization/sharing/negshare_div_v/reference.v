// Serial signed/unsigned divider (16 bit): one quotient bit per cycle, restoring compare-and-subtract.
// The result is negated when the signs call for it, in each of the two result arms (quotient or
// remainder), so two 16-bit negations sit behind exclusive arms.
module sdiv16 (
    input  wire        clk,
    input  wire        rst,
    input  wire        go,
    input  wire        want_rem,
    input  wire        signed_op,
    input  wire [15:0] num,
    input  wire [15:0] den,
    output reg  [15:0] result,
    output reg         ready
);
    reg [15:0] rem_q;
    reg [30:0] div_q;
    reg [15:0] quo_q;
    reg [15:0] bit_q;
    reg        neg_q;
    reg        rem_sel;
    reg        busy;

    always @(posedge clk) begin
        ready <= 1'b0;
        if (rst) begin
            busy   <= 1'b0;
            result <= 16'd0;
        end else if (go && !busy) begin
            busy    <= 1'b1;
            rem_sel <= want_rem;
            rem_q   <= (signed_op && num[15]) ? -num : num;
            div_q   <= ((signed_op && den[15]) ? -den : den) << 15;
            neg_q   <= signed_op && (want_rem ? num[15] : (num[15] ^ den[15]) && |den);
            quo_q   <= 16'd0;
            bit_q   <= 16'h8000;
        end else if (busy && bit_q == 16'd0) begin
            busy  <= 1'b0;
            ready <= 1'b1;
            result <= neg_q ? -(rem_sel ? rem_q : quo_q) : (rem_sel ? rem_q : quo_q);
        end else if (busy) begin
            if (div_q <= {15'd0, rem_q}) begin
                rem_q <= rem_q - div_q[15:0];
                quo_q <= quo_q | bit_q;
            end
            div_q <= div_q >> 1;
            bit_q <= bit_q >> 1;
        end
    end
endmodule
