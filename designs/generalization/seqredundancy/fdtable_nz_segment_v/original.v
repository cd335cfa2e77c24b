// Rotating display digit: a 3-bit digit index advances on 'next' (wraps at 5); the seven
// segment pattern of the next digit is registered, or all segments off while 'blank' is
// high, so the pattern is zero or the table of the digit register.
module seg_rot (
    input  wire       clk,
    input  wire       rst,
    input  wire       next,
    input  wire       blank,
    output reg  [6:0] seg,
    output reg  [2:0] digit
);
    reg [2:0] dn;
    reg [6:0] pat;
    always @* begin
        dn = digit;
        if (next) dn = (digit == 3'd5) ? 3'd0 : digit + 3'd1;
    end
    always @* begin
        case (dn)
            3'd0: pat = 7'b0111111;
            3'd1: pat = 7'b0000110;
            3'd2: pat = 7'b1011011;
            3'd3: pat = 7'b1001111;
            3'd4: pat = 7'b1100110;
            default: pat = 7'b1101101;
        endcase
    end
    always @(posedge clk) begin
        if (rst) begin
            digit <= 3'd0;
            seg   <= 7'b0000000;
        end else begin
            digit <= dn;
            if (blank) seg <= 7'b0000000;
            else       seg <= pat;
        end
    end
endmodule
