// Two-phase triangle generator: one phase register; stage Q reads it plus a
// quarter cycle.
module tri_stage (
    input            clk,
    input            rst,
    input      [5:0] ph,    // phase
    output reg [4:0] level, // triangle level 0..31
    output reg       top    // upper half of the cycle
);
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
    reg  [5:0] ph;
    wire [5:0] ph_q = ph + 6'd16;

    always @(posedge clk) begin
        if (rst)
            ph <= 6'd0;
        else if (adv)
            ph <= ph + (fast ? 6'd2 : 6'd1);
    end

    tri_stage u_i (.clk(clk), .rst(rst), .ph(ph),   .level(i_lvl), .top(i_top));
    tri_stage u_q (.clk(clk), .rst(rst), .ph(ph_q), .level(q_lvl), .top(q_top));
endmodule
