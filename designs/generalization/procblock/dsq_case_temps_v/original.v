// Squaring phase detector of a BPSK carrier loop: I^2 - Q^2 or Q^2 - I^2 by a mode word (a case with a default), squares
// as blocking temporaries of an always @* block, the sign as a second output.
module iq_power (
    input  wire signed [7:0]  i_s,
    input  wire signed [7:0]  q_s,
    input  wire        [1:0]  mode,
    output reg  signed [16:0] p,
    output reg                sgn
);
    reg signed [15:0] ii, qq;
    always @* begin
        ii = i_s * i_s;
        qq = q_s * q_s;
        case (mode)
            2'd0, 2'd2: p = ii - qq;
            default:    p = qq - ii;
        endcase
        sgn = p[16];
    end
endmodule
