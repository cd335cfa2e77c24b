// DC trim of a signed 16-bit sample: add a signed 10-bit trim value and saturate to the 16-bit
// range. One 17-bit sum: above the range iff bit 16 (the true sign) is clear and bit 15 set, below
// iff bit 16 is set and bit 15 clear.
module dc_trim (
    input  wire signed [15:0] x,
    input  wire signed [9:0]  trim,
    output wire signed [15:0] y,
    output wire               clip
);
    wire [16:0] s  = {x[15], x} + {{7{trim[9]}}, trim};
    wire        hi = ~s[16] & s[15];
    wire        lo = s[16] & ~s[15];
    assign clip = hi | lo;
    assign y    = hi ? 16'h7FFF : lo ? 16'h8000 : s[15:0];
endmodule
