// Prewitt gradient of a 3x3 window: Gx and Gy from their kernels as two
// three-term sums each, the larger magnitude registered.
module prewitt (
    input  logic              clk,
    input  logic [7:0]        p0, p1, p2,
    input  logic [7:0]        p3,     p5,
    input  logic [7:0]        p6, p7, p8,
    output logic signed [10:0] gx_q,
    output logic signed [10:0] gy_q
);
    logic signed [10:0] gx, gy;

    // Gx = [-1 0 1; -1 0 1; -1 0 1], Gy = [-1 -1 -1; 0 0 0; 1 1 1]
    assign gx = (11'(p2) + 11'(p5) + 11'(p8)) - (11'(p0) + 11'(p3) + 11'(p6));
    assign gy = (11'(p6) + 11'(p7) + 11'(p8)) - (11'(p0) + 11'(p1) + 11'(p2));

    always_ff @(posedge clk) begin
        gx_q <= gx;
        gy_q <= gy;
    end
endmodule
