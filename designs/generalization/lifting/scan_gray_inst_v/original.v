// Optical angle sensor: a Gray-coded disc read into binary by one parity cell per output bit
// (binary bit i is the parity of the Gray bits at and above i), then offset by a calibration angle.
module parity_cell #(
    parameter W = 4
) (
    input  wire [W-1:0] v,
    output wire         p
);
    assign p = ^v;
endmodule

module disc_decode #(
    parameter N = 8
) (
    input  wire [N-1:0] code,
    output wire [N-1:0] angle
);
    genvar k;
    generate
        for (k = 0; k < N; k = k + 1) begin : g_cell
            parity_cell #(.W(N - k)) u_par (.v(code[N-1:k]), .p(angle[k]));
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
