// Optical angle sensor (hand-optimized): the Gray decode as one prefix XOR chain from the MSB down.
module disc_decode #(
    parameter N = 8
) (
    input  wire [N-1:0] code,
    output wire [N-1:0] angle
);
    assign angle[N-1] = code[N-1];
    genvar k;
    generate
        for (k = 0; k < N - 1; k = k + 1) begin : g_chain
            assign angle[k] = angle[k+1] ^ code[k];
        end
    endgenerate
endmodule

module angle_sensor (
    input  wire        clk,
    input  wire [11:0] disc,
    input  wire [11:0] cal,
    output reg  [11:0] angle_q
);
    wire [11:0] raw;
    disc_decode #(.N(12)) u_dec (.code(disc), .angle(raw));
    always @(posedge clk) angle_q <= raw - cal;
endmodule
