// Exponent adjust of a 24-bit fixed-point value: leading-zero count, or trailing-zero count when
// right-aligning. Trailing zeros = leading zeros of the reversed value: one counter instance
// behind an operand mux.
module lzc24 (input wire [23:0] x, output reg [4:0] n);
    integer k;
    always @* begin
        n = 5'd24;
        for (k = 0; k < 24; k = k + 1)
            if (x[k]) n = 5'd23 - k[4:0];
    end
endmodule

module align24 (
    input  wire        right,
    input  wire [23:0] val,
    output wire [4:0]  shift
);
    reg [23:0] v;
    integer i;
    always @* for (i = 0; i < 24; i = i + 1) v[i] = right ? val[23 - i] : val[i];
    lzc24 u_cnt (.x(v), .n(shift));
endmodule
