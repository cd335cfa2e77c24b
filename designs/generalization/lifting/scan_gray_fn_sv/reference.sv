// Async FIFO fill level (hand-optimized): Gray decode as a ripple prefix XOR from the MSB down.
module fifo_level #(
    parameter int AW = 4
) (
    input  logic [AW:0] wptr_gray,
    input  logic [AW:0] rptr_gray,
    output logic [AW:0] level
);
    logic [AW:0] wbin, rbin;
    assign wbin[AW] = wptr_gray[AW];
    assign rbin[AW] = rptr_gray[AW];
    for (genvar i = AW - 1; i >= 0; i--) begin : g_dec
        assign wbin[i] = wbin[i+1] ^ wptr_gray[i];
        assign rbin[i] = rbin[i+1] ^ rptr_gray[i];
    end
    assign level = wbin - rbin;
endmodule

module fifo_status_top (
    input  logic       clk,
    input  logic [11:0] wptr_gray,
    input  logic [11:0] rptr_gray,
    output logic [11:0] level_q
);
    logic [11:0] level;
    fifo_level #(.AW(11)) u_lvl (.wptr_gray(wptr_gray), .rptr_gray(rptr_gray), .level(level));
    always_ff @(posedge clk) level_q <= level;
endmodule
