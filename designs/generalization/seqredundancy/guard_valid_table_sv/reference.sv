// Last-seen value table: entries are cleared at reset, so an unwritten channel already reads 0 and
// needs no valid bit.
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

    always_ff @(posedge clk) begin
        if (rst) begin
            for (int i = 0; i < CH; i++) val[i] <= '0;
        end else if (wr) begin
            val[wr_ch]  <= wr_val;
        end
    end

    assign rd_val = val[rd_ch];
    assign rd_big = val[rd_ch][DW-1];
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
