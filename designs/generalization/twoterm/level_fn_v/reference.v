// Reference: every gain is 2^p + 2^q or 2^p - 2^q (7 = 8 - 1, 14 = 16 - 2, 1 = 2 - 1):
// two shifts by 3-bit-indexed tables and one adder (b complemented and 1 carried in to subtract).
module mix_level (
    input  wire        clk,
    input  wire        rst,
    input  wire [2:0]  step,
    input  wire [15:0] smp,
    output reg  [19:0] out
);
    reg [2:0] p;
    reg [1:0] q;
    reg       sub;
    always @* begin
        case (step)
            3'd0: begin p = 3'd1; q = 2'd0; sub = 1'b0; end  // 3  = 2 + 1
            3'd1: begin p = 3'd1; q = 2'd1; sub = 1'b0; end  // 4  = 2 + 2
            3'd2: begin p = 3'd2; q = 2'd1; sub = 1'b0; end  // 6  = 4 + 2
            3'd3: begin p = 3'd3; q = 2'd0; sub = 1'b1; end  // 7  = 8 - 1
            3'd4: begin p = 3'd3; q = 2'd0; sub = 1'b0; end  // 9  = 8 + 1
            3'd5: begin p = 3'd3; q = 2'd2; sub = 1'b0; end  // 12 = 8 + 4
            3'd6: begin p = 3'd4; q = 2'd1; sub = 1'b1; end  // 14 = 16 - 2
            default: begin p = 3'd1; q = 2'd0; sub = 1'b1; end // 1 = 2 - 1
        endcase
    end
    wire [19:0] a = {4'd0, smp} << p;
    wire [19:0] b = {4'd0, smp} << q;
    always @(posedge clk)
        if (rst) out <= 20'd0;
        else     out <= a + (sub ? ~b : b) + sub;  // a - b as a + ~b + 1
endmodule
