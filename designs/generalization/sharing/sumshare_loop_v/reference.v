// One row of a 1-D bit-smoothing filter: a cell is set when at least three of
// the five cells centred on it are set. Each cell instance counts its window
// with a procedural for loop into a temporary; the row edges read as zero.
module smooth5 (
    input  wire [4:0] taps,
    output reg        q
);

    always @* q = (taps[0] + taps[1] + taps[2] + taps[3] + taps[4]) >= 3'd3;
endmodule

module smooth_row (
    input  wire        clk,
    input  wire [15:0] din,
    output reg  [15:0] dout
);
    wire [19:0] ext = {2'b00, din, 2'b00};
    wire [15:0] q;

    genvar g;
    generate
        for (g = 0; g < 16; g = g + 1) begin : g_cell
            smooth5 u_s (.taps(ext[g +: 5]), .q(q[g]));
        end
    endgenerate

    always @(posedge clk) dout <= q;
endmodule
