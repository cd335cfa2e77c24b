// Piecewise-linear gain curve, expert version: one multiply-add whose slope and
// offset are selected by the segment code.
module pwl_gain (
    input  wire [4:0] x,
    input  wire [4:0] k0, k1, k2, k3,
    input  wire [9:0] b0, b1, b2, b3,
    output wire [9:0] y
);
    wire [1:0] seg = (x < 5'd6)  ? 2'd0 :
                     (x < 5'd12) ? 2'd1 :
                     (x < 5'd20) ? 2'd2 : 2'd3;
    reg [4:0] k;
    reg [9:0] b;
    always @* begin
        case (seg)
            2'd0: begin k = k0; b = b0; end
            2'd1: begin k = k1; b = b1; end
            2'd2: begin k = k2; b = b2; end
            default: begin k = k3; b = b3; end
        endcase
    end
    assign y = x * k + b;
endmodule
