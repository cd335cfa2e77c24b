// One logarithmic left rotator; right by r is left by -r (mod 32).
module rotword (
    input  wire        clk,
    input  wire [31:0] w,
    input  wire [4:0]  r,
    input  wire        to_right,
    output reg  [31:0] q
);
    wire [4:0] k = to_right ? -r : r;
    wire [31:0] t0 = k[0] ? {w[30:0], w[31]} : w;
    wire [31:0] t1 = k[1] ? {t0[29:0], t0[31:30]} : t0;
    wire [31:0] t2 = k[2] ? {t1[27:0], t1[31:28]} : t1;
    wire [31:0] t3 = k[3] ? {t2[23:0], t2[31:24]} : t2;
    wire [31:0] t4 = k[4] ? {t3[15:0], t3[31:16]} : t3;
    always @(posedge clk)
        q <= t4;
endmodule
