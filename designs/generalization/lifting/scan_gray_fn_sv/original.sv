// Async FIFO fill level: both Gray pointers (already synchronized) are decoded by an SV function
// with a loop (binary bit i = parity of the Gray bits at and above i, a shift and XOR reduction), then subtracted.
module fifo_level #(
    parameter int AW = 4
) (
    input  logic [AW:0] wptr_gray,
    input  logic [AW:0] rptr_gray,
    output logic [AW:0] level
);
    function automatic logic [AW:0] gray_to_bin(input logic [AW:0] g);
        for (int i = 0; i <= AW; i++)
            gray_to_bin[i] = ^(g >> i);
    endfunction

    logic [AW:0] wbin, rbin;
    assign wbin = gray_to_bin(wptr_gray);
    assign rbin = gray_to_bin(rptr_gray);
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
