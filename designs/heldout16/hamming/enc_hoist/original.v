// ECC-protected scratchpad write port: the CPU and the DMA engine each
// encode their write data (SECDED Hamming) and the arbiter selects the
// winning code word.
module secded_enc #(
    parameter DW = 8,
    parameter PW = 4
) (
    input  wire [DW-1:0]   d,
    output wire [DW+PW:0]  cw
);
    // code word positions 1..DW+PW, parity bits at powers of two,
    // overall parity in bit DW+PW
    reg [DW+PW:1] pos;
    reg           ovr;
    integer i, j, k;
    always @* begin
        pos = {(DW+PW){1'b0}};
        j = 0;
        for (i = 1; i <= DW+PW; i = i + 1)
            if ((i & (i - 1)) != 0) begin
                pos[i] = d[j];
                j = j + 1;
            end
        for (k = 0; k < PW; k = k + 1)
            for (i = 1; i <= DW+PW; i = i + 1)
                if (((i >> k) & 1) && ((i & (i - 1)) != 0))
                    pos[1 << k] = pos[1 << k] ^ pos[i];
        ovr = ^pos;
    end
    assign cw = {ovr, pos};
endmodule

module wr_arb #(
    parameter CW = 13
) (
    input  wire          cpu_req,
    input  wire          dma_req,
    input  wire [CW-1:0] cpu_cw,
    input  wire [CW-1:0] dma_cw,
    output wire          wr_en,
    output wire [CW-1:0] wr_cw
);
    // CPU has priority
    assign wr_en = cpu_req | dma_req;
    assign wr_cw = cpu_req ? cpu_cw : dma_cw;
endmodule

module ecc_wport (
    input  wire        clk,
    input  wire        cpu_req,
    input  wire [10:0] cpu_wd,
    input  wire        dma_req,
    input  wire [10:0] dma_wd,
    output reg         mem_we,
    output reg  [15:0] mem_wd
);
    wire [15:0] ccw, dcw, wcw;
    wire        we;
    secded_enc #(.DW(11), .PW(4)) u_enc_cpu (.d(cpu_wd), .cw(ccw));
    secded_enc #(.DW(11), .PW(4)) u_enc_dma (.d(dma_wd), .cw(dcw));
    wr_arb #(.CW(16)) u_arb (.cpu_req(cpu_req), .dma_req(dma_req), .cpu_cw(ccw), .dma_cw(dcw),
                             .wr_en(we), .wr_cw(wcw));
    always @(posedge clk) begin
        mem_we <= we;
        mem_wd <= wcw;
    end
endmodule
