// Signed balance stage, hand-optimized: the samples are summed first (8 bits
// signed) and scaled once.
module balance (
    input  logic               clk,
    input  logic               rst_n,
    input  logic signed [5:0]  a,
    input  logic signed [5:0]  b,
    input  logic signed [5:0]  c,
    input  logic signed [3:0]  g,
    output logic signed [11:0] q
);
    logic signed [7:0] s;
    assign s = a + b + c;

    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) q <= '0;
        else        q <= s * g;
endmodule
