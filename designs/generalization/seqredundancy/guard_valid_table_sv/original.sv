// Last-seen value table: per channel, the last sample written; unwritten channels read 0. Entries are
// cleared at reset and a per-channel valid bit marks the written ones.
module last_seen #(
    parameter int CH = 8,
    parameter int DW = 8
) (
    input  logic                  clk,
    input  logic                  rst,
    input  logic                  wr,
    input  logic [$clog2(CH)-1:0] wr_ch,
    input  logic [DW-1:0]         wr_val,
    input  logic [$clog2(CH)-1:0] rd_ch,
    output logic [DW-1:0]         rd_val,
    output logic                  rd_big
);
    logic [DW-1:0]         val [CH];
    logic [CH-1:0]         seen;

    always_ff @(posedge clk) begin
        if (rst) begin
            for (int i = 0; i < CH; i++) val[i] <= '0;
            seen <= '0;
        end else if (wr) begin
            val[wr_ch]  <= wr_val;
            seen[wr_ch] <= 1'b1;
        end
    end

    assign rd_val = seen[rd_ch] ? val[rd_ch] : '0;
    assign rd_big = seen[rd_ch] ? val[rd_ch][DW-1] : 1'b0;
endmodule

module last_seen_top (
    input  logic       clk,
    input  logic       rst,
    input  logic       wr,
    input  logic [1:0] wr_ch,
    input  logic [5:0] wr_val,
    input  logic [1:0] rd_ch,
    output logic [5:0] rd_val,
    output logic       rd_big
);
    last_seen #(.CH(4), .DW(6)) u_tab (.*);
endmodule
