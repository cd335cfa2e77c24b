// Rotating display digit: one 'lit' flip-flop instead of seven segment flip-flops; the
// pattern is decoded from the digit register after it.
module seg_rot (
    input  wire       clk,
    input  wire       rst,
    input  wire       next,
    input  wire       blank,
    output reg  [6:0] seg,
    output reg  [2:0] digit
);
    reg lit;
    always @(posedge clk) begin
        if (rst) begin
            digit <= 3'd0;
            lit   <= 1'b0;
        end else begin
            if (next) digit <= (digit == 3'd5) ? 3'd0 : digit + 3'd1;
            lit <= ~blank;
        end
    end
    always @* begin
        if (!lit) seg = 7'b0000000;
        else case (digit)
            3'd0: seg = 7'b0111111;
            3'd1: seg = 7'b0000110;
            3'd2: seg = 7'b1011011;
            3'd3: seg = 7'b1001111;
            3'd4: seg = 7'b1100110;
            default: seg = 7'b1101101;
        endcase
    end
endmodule
