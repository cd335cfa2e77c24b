// Two-stage tag check of a small cache: stage 1 registers the request tag, the
// stored tag and the compare mode; stage 2 decides hit and forwards the index.
module tag_stage #(
    parameter int TW = 14,
    parameter int IW = 6
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          en,
    input  logic [TW-1:0] req_tag,
    input  logic [TW-1:0] way_tag,
    input  logic          partial,   // compare the low half only
    input  logic [IW-1:0] idx,
    output logic          hit,
    output logic [IW-1:0] idx_o
);
    logic [TW-1:0] rt_q, wt_q;
    logic          part_q;
    logic [IW-1:0] idx_q;

    always_ff @(posedge clk) begin
        if (rst) begin
            rt_q   <= '0;
            wt_q   <= '1;
            part_q <= 1'b0;
            idx_q  <= '0;
        end else if (en) begin
            rt_q   <= req_tag;
            wt_q   <= way_tag;
            part_q <= partial;
            idx_q  <= idx;
        end
    end

    assign hit   = part_q ? (rt_q[TW/2-1:0] == wt_q[TW/2-1:0]) : (rt_q == wt_q);
    assign idx_o = idx_q;
endmodule

module cache_tag (
    input  logic        clk,
    input  logic        rst,
    input  logic        en,
    input  logic [9:0]  req_tag,
    input  logic [9:0]  way_tag,
    input  logic        partial,
    input  logic [4:0]  idx,
    output logic        hit,
    output logic [4:0]  idx_o
);
    tag_stage #(.TW(10), .IW(5)) u_ts (.*);
endmodule
