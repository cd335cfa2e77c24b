// One 17-bit adder shared by the saturating add and subtract; carry (add) / no-carry (sub) clips.
module sat_case16 (
    input  wire [1:0]  op,
    input  wire [15:0] a,
    input  wire [15:0] b,
    output reg  [15:0] y,
    output reg         ovf
);
    wire        sub  = op[0];
    wire [16:0] s    = {1'b0, a} + {1'b0, b ^ {16{sub}}} + {16'd0, sub};
    wire        clip = s[16] ^ sub;
    always @* begin
        ovf = ~op[1] & clip;
        case (op)
            2'd0, 2'd1: y = clip ? {16{~sub}} : s[15:0];
            2'd2: y = a;
            default: y = 16'd0;
        endcase
    end
endmodule
