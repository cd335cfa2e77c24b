// Decimating polyphase sum: TAPS taps with constant coefficients packed in a parameter,
// one generate iteration per tap.
module poly_sum #(
    parameter W     = 10,
    parameter TAPS  = 4,
    parameter [8*TAPS-1:0] COEF = {8'd31, 8'd14, 8'd15, 8'd7}
) (
    input  wire                clk,
    input  wire                rst,
    input  wire [W*TAPS-1:0]   x,
    output reg  [W+9:0]        y
);
    wire [W+9:0] prod [0:TAPS-1];
    wire [W+9:0] acc  [0:TAPS];
    assign acc[0] = 0;

    genvar t;
    generate
        for (t = 0; t < TAPS; t = t + 1) begin : g_tap
            assign prod[t]  = x[t*W +: W] * COEF[t*8 +: 8];
            assign acc[t+1] = acc[t] + prod[t];
        end
    endgenerate

    always @(posedge clk) begin
        if (rst) y <= 0;
        else     y <= acc[TAPS];
    end
endmodule
