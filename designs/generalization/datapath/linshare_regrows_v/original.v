// Four-channel sum/difference (Hadamard) encoder for a microphone array: each
// output register is loaded straight from its row of signs under the sample
// strobe, no intermediate wires (10-bit wrap-around results).
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
    always @(posedge clk) begin
        if (stb) begin
            sum_all <= m0 + m1 + m2 + m3;
            lr      <= m0 - m1 + m2 - m3;
            fb      <= m0 + m1 - m2 - m3;
            diag    <= m0 - m1 - m2 + m3;
        end
    end
endmodule
