// 16-bit saturating unit with a 2-bit opcode in an always block: add/sub saturate, pass and clear.
module sat_case16 (
    input  wire [1:0]  op,
    input  wire [15:0] a,
    input  wire [15:0] b,
    output reg  [15:0] y,
    output reg         ovf
);
    reg [16:0] wide;
    always @* begin
        wide = {1'b0, a} + {1'b0, b};
        y    = a;
        ovf  = 1'b0;
        case (op)
            2'd0: begin
                if (wide[16]) begin y = 16'hFFFF; ovf = 1'b1; end
                else          y = wide[15:0];
            end
            2'd1: begin
                if (b > a) begin y = 16'd0; ovf = 1'b1; end
                else       y = a - b;
            end
            2'd2: y = a;
            default: y = 16'd0;
        endcase
    end
endmodule
