// ECC-protected scratchpad write port: the write data is selected first
// and encoded once.
module secded_enc #(
    parameter DW = 8,
    parameter PW = 4
) (
    input  wire [DW-1:0]   d,
    output wire [DW+PW:0]  cw
);
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

module ecc_wport (
    input  wire        clk,
    input  wire        cpu_req,
    input  wire [10:0] cpu_wd,
    input  wire        dma_req,
    input  wire [10:0] dma_wd,
    output reg         mem_we,
    output reg  [15:0] mem_wd
);
    wire [10:0] wd = cpu_req ? cpu_wd : dma_wd;
    wire [15:0] wcw;
    secded_enc #(.DW(11), .PW(4)) u_enc (.d(wd), .cw(wcw));
    always @(posedge clk) begin
        mem_we <= cpu_req | dma_req;
        mem_wd <= wcw;
    end
endmodule
