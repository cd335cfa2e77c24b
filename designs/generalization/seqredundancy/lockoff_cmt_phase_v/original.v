// Two-phase triangle generator: each output stage keeps its own 6-bit phase,
// moved by the same advance/rate inputs; stage Q starts a quarter cycle
// (16 of 64) after stage I. Trailing comments on the last port of the stage.
module tri_stage #(
    parameter [5:0] START = 6'd0    // initial phase
) (
    input            clk,
    input            rst,
    input            adv,
    input            fast,
    output reg [4:0] level, // triangle level 0..31
    output reg       top    // upper half of the cycle
);
    reg [5:0] ph;

    always @(posedge clk) begin
        if (rst)
            ph <= START;
        else if (adv)
            ph <= ph + (fast ? 6'd2 : 6'd1);
    end

    always @(posedge clk) begin
        if (rst) begin
            level <= 5'd0;
            top   <= 1'b0;
        end else begin
            level <= ph[5] ? ~ph[4:0] : ph[4:0];
            top   <= ph[5];
        end
    end
endmodule

module tri_iq (
    input        clk,
    input        rst,
    input        adv,
    input        fast,
    output [4:0] i_lvl,
    output       i_top,
    output [4:0] q_lvl,
    output       q_top
);
    tri_stage #(.START(6'd0))  u_i (.clk(clk), .rst(rst), .adv(adv), .fast(fast), .level(i_lvl), .top(i_top));
    tri_stage #(.START(6'd16)) u_q (.clk(clk), .rst(rst), .adv(adv), .fast(fast), .level(q_lvl), .top(q_top));
endmodule
