// Four-channel sum/difference (Hadamard) encoder, expert version: two butterfly
// stages (m0 +- m1, m2 +- m3 computed once, then combined): 8 add/sub instead of 12.
module mic_hadamard (
    input  wire       clk,
    input  wire       stb,
    input  wire [7:0] m0,
    input  wire [7:0] m1,
    input  wire [7:0] m2,
    input  wire [7:0] m3,
    output reg  [9:0] sum_all,
    output reg  [9:0] lr,
    output reg  [9:0] fb,
    output reg  [9:0] diag
);
    wire [9:0] s01 = m0 + m1;
    wire [9:0] d01 = m0 - m1;
    wire [9:0] s23 = m2 + m3;
    wire [9:0] d23 = m2 - m3;
    always @(posedge clk) begin
        if (stb) begin
            sum_all <= s01 + s23;
            lr      <= d01 + d23;
            fb      <= s01 - s23;
            diag    <= d01 - d23;
        end
    end
endmodule
