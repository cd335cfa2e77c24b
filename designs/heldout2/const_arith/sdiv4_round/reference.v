// Truncating signed division by 2^k: add (2^k - 1) to negative values, then arithmetic shift.
module sdiv_pow2 (
    input  wire signed [15:0] x,
    output wire signed [15:0] q4,
    output wire signed [15:0] q16
);
    wire signed [15:0] b4  = x + {14'd0, {2{x[15]}}};
    wire signed [15:0] b16 = x + {12'd0, {4{x[15]}}};
    assign q4  = b4  >>> 2;
    assign q16 = b16 >>> 4;
endmodule
