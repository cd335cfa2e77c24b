// Reference: both kernels contain a = p8 - p0 and +-(p2 - p6):
// Gx = a + b + (p5 - p3), Gy = a - b + (p7 - p1).
module prewitt (
    input  logic              clk,
    input  logic [7:0]        p0, p1, p2,
    input  logic [7:0]        p3,     p5,
    input  logic [7:0]        p6, p7, p8,
    output logic signed [10:0] gx_q,
    output logic signed [10:0] gy_q
);
    logic signed [10:0] a, b;

    assign a = 11'(p8) - 11'(p0);
    assign b = 11'(p2) - 11'(p6);

    always_ff @(posedge clk) begin
        gx_q <= a + b + (11'(p5) - 11'(p3));
        gy_q <= a - b + (11'(p7) - 11'(p1));
    end
endmodule
