// Packet descriptor FIFO with almost-full / almost-empty watermarks for
// the DMA scheduler. The watermark flags are registered (computed from
// the next occupancy) so that they come straight from flops.
module desc_fifo #(
    parameter int W     = 16,
    parameter int DEPTH = 16,
    parameter int AF    = 12,
    parameter int AE    = 2
) (
    input  logic         clk,
    input  logic         rst_n,
    input  logic         wr_en,
    input  logic [W-1:0] wr_data,
    input  logic         rd_en,
    output logic [W-1:0] rd_data,
    output logic         full,
    output logic         empty,
    output logic         almost_full,
    output logic         almost_empty
);
    localparam int AW = $clog2(DEPTH);

    logic [W-1:0]  mem [DEPTH];
    logic [AW-1:0] wr_ptr, rd_ptr;
    logic [AW:0]   count, count_n;
    logic          do_wr, do_rd;

    assign do_wr   = wr_en && !full;
    assign do_rd   = rd_en && !empty;
    assign full    = (count == (AW+1)'(DEPTH));
    assign empty   = (count == '0);
    assign rd_data = mem[rd_ptr];

    always_comb begin
        count_n = count;
        if (do_wr && !do_rd)      count_n = count + 1'b1;
        else if (do_rd && !do_wr) count_n = count - 1'b1;
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            for (int i = 0; i < DEPTH; i++)
                mem[i] <= '0;
        end else if (do_wr) begin
            mem[wr_ptr] <= wr_data;
        end
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            wr_ptr       <= '0;
            rd_ptr       <= '0;
            count        <= '0;
            almost_full  <= 1'b0;
            almost_empty <= 1'b1;
        end else begin
            if (do_wr) wr_ptr <= wr_ptr + 1'b1;
            if (do_rd) rd_ptr <= rd_ptr + 1'b1;
            count        <= count_n;
            almost_full  <= (count_n >= (AW+1)'(AF));
            almost_empty <= (count_n <= (AW+1)'(AE));
        end
    end
endmodule

module dma_desc_q (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        wr_en,
    input  logic [11:0] wr_data,
    input  logic        rd_en,
    output logic [11:0] rd_data,
    output logic        full,
    output logic        empty,
    output logic        almost_full,
    output logic        almost_empty
);
    desc_fifo #(.W(12), .DEPTH(4), .AF(3), .AE(1)) u_q (.*);
endmodule
