// Interrupt aggregator with per-source enable, W1C status and masked readback.
module irq_agg #(
    parameter int N = 8
) (
    input  logic         clk,
    input  logic         rst_n,
    input  logic [N-1:0] src,
    input  logic         wr_en,      // write enable register
    input  logic         wr_clr,     // write-1-to-clear status
    input  logic [N-1:0] wdata,
    output logic [N-1:0] enable,
    output logic [N-1:0] status,
    output logic [N-1:0] masked,
    output logic         irq
);
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            enable <= '0;
            status <= '0;
        end else begin
            if (wr_en) enable <= wdata;
            for (int i = 0; i < N; i++) begin
                if (wr_en && !wdata[i])            status[i] <= 1'b0;   // disabling drops a pending event
                else if (src[i] && enable[i])      status[i] <= 1'b1;
                else if (wr_clr && wdata[i])       status[i] <= 1'b0;
            end
        end
    end
    always_comb begin
        masked = status & enable;
        irq    = |masked;
    end
endmodule

module irq_block (
    input  logic        clk,
    input  logic        rst_n,
    input  logic [11:0] src,
    input  logic        wr_en,
    input  logic        wr_clr,
    input  logic [11:0] wdata,
    output logic [11:0] enable,
    output logic [11:0] status,
    output logic [11:0] masked,
    output logic        irq,
    output logic        irq_q
);
    irq_agg #(.N(12)) u_agg (.*);
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) irq_q <= 1'b0;
        else        irq_q <= irq;
endmodule
