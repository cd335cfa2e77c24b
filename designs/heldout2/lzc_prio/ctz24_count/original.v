// Trailing-zero count of a 24-bit mantissa (for a block-floating exponent).
module ctz24 (
    input  wire [23:0] m,
    output reg  [4:0]  tz
);
    integer i;
    reg hit;
    always @* begin
        tz  = 5'd0;
        hit = 1'b0;
        for (i = 0; i < 24; i = i + 1) begin
            if (m[i]) hit = 1'b1;
            if (!hit) tz = tz + 5'd1;
        end
    end
endmodule
