// Bimodal branch predictor: a table of 2-bit saturating counters indexed by
// low PC bits. Entries start weakly not-taken; a valid bit per entry marks
// entries that have been trained (untrained entries predict not-taken).
module bht #(
    parameter IW = 6
) (
    input           clk,
    input           rst_n,
    input  [IW-1:0] rd_idx,
    input           upd,
    input  [IW-1:0] upd_idx,
    input           upd_taken,
    output          pred_taken,
    output          pred_strong
);
    localparam N = 1 << IW;

    reg [1:0]   ctr [0:N-1];
    reg [N-1:0] valid;
    integer     i;

    wire [1:0] c = ctr[rd_idx];
    assign pred_taken  = valid[rd_idx] ? c[1] : 1'b0;
    assign pred_strong = valid[rd_idx] ? (c[1] == c[0]) : 1'b0;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            for (i = 0; i < N; i = i + 1)
                ctr[i] <= 2'b01;
            valid <= {N{1'b0}};
        end else if (upd) begin
            valid[upd_idx] <= 1'b1;
            if (upd_taken) begin
                if (ctr[upd_idx] != 2'b11) ctr[upd_idx] <= ctr[upd_idx] + 2'b01;
            end else begin
                if (ctr[upd_idx] != 2'b00) ctr[upd_idx] <= ctr[upd_idx] - 2'b01;
            end
        end
    end
endmodule

module bpred_top (
    input        clk,
    input        rst_n,
    input  [4:2] fetch_pc,
    input        br_resolve,
    input  [4:2] br_pc,
    input        br_taken,
    output       predict,
    output       confident
);
    bht #(.IW(3)) u_bht (
        .clk(clk), .rst_n(rst_n), .rd_idx(fetch_pc),
        .upd(br_resolve), .upd_idx(br_pc), .upd_taken(br_taken),
        .pred_taken(predict), .pred_strong(confident)
    );
endmodule
