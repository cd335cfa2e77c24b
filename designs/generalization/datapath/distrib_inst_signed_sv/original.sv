// Signed balance stage: three signed samples scaled by the same signed gain in
// separate sgain instances (always_comb product, widths from the top, implicit .g
// connection), summed into a register with asynchronous reset.
// (a + b + c) * g is exact in 12 bits: one multiplier instead of three.
module sgain #(
    parameter int W  = 8,
    parameter int GW = 6
) (
    input  logic signed [W-1:0]    x,
    input  logic signed [GW-1:0]   g,
    output logic signed [W+GW-1:0] y
);
    always_comb y = x * g;
endmodule

module balance (
    input  logic               clk,
    input  logic               rst_n,
    input  logic signed [5:0]  a,
    input  logic signed [5:0]  b,
    input  logic signed [5:0]  c,
    input  logic signed [3:0]  g,
    output logic signed [11:0] q
);
    logic signed [9:0] pa, pb, pc;
    sgain #(.W(6), .GW(4)) u_a (.x(a), .g, .y(pa));
    sgain #(.W(6), .GW(4)) u_b (.x(b), .g, .y(pb));
    sgain #(.W(6), .GW(4)) u_c (.x(c), .g, .y(pc));

    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) q <= '0;
        else        q <= pa + pb + pc;
endmodule
