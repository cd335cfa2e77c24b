// Two-stage tag check of a small cache: the compare moves into stage 1, only the
// hit bit and the index cross the stage.
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
    logic          hit_q;
    logic [IW-1:0] idx_q;

    always_ff @(posedge clk) begin
        if (rst) begin
            hit_q <= 1'b0;
            idx_q <= '0;
        end else if (en) begin
            hit_q <= partial ? (req_tag[TW/2-1:0] == way_tag[TW/2-1:0]) : (req_tag == way_tag);
            idx_q <= idx;
        end
    end

    assign hit   = hit_q;
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
