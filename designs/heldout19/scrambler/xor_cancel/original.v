// Mailbox register file that keeps its contents scrambled at rest.
module key_mix #(
    parameter AW  = 2,
    parameter DW  = 8,
    parameter SEED = 8'h5A
) (
    input  [AW-1:0] a,
    output [DW-1:0] key
);
    // spread the address over the word and whiten it with the seed
    wire [DW-1:0] rep = {((DW + AW - 1) / AW){a}};
    assign key = (rep ^ (rep << 3) ^ (rep >> 1) ^ ((rep << 1) & (rep >> 2))) ^ SEED;
endmodule

module scr_regfile #(
    parameter AW   = 2,
    parameter DW   = 8,
    parameter SEED = 8'h5A
) (
    input               clk,
    input               rst_n,
    input               we,
    input  [AW-1:0]     waddr,
    input  [DW-1:0]     wdata,
    input  [AW-1:0]     raddr,
    output [DW-1:0]     rdata
);
    reg  [DW-1:0] mem [0:(1<<AW)-1];
    wire [DW-1:0] wkey, rkey;
    integer i;
    // scrambled image of an all-zero word at address a (what reset stores)
    function [DW-1:0] zero_image(input integer a);
        reg [DW-1:0] rep;
        integer j;
        begin
            for (j = 0; j < DW; j = j + 1)
                rep[j] = a[j % AW];
            zero_image = (rep ^ (rep << 3) ^ (rep >> 1) ^ ((rep << 1) & (rep >> 2))) ^ SEED;
        end
    endfunction
    key_mix #(.AW(AW), .DW(DW), .SEED(SEED)) u_wk (.a(waddr), .key(wkey));
    key_mix #(.AW(AW), .DW(DW), .SEED(SEED)) u_rk (.a(raddr), .key(rkey));
    always @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            for (i = 0; i < (1 << AW); i = i + 1)
                mem[i] <= zero_image(i);   // cleared mailbox reads back as zero
        end else if (we)
            mem[waddr] <= wdata ^ wkey;
    assign rdata = mem[raddr] ^ rkey;
endmodule

module scr_mailbox (
    input         clk,
    input         rst_n,
    input         we,
    input  [2:0]  waddr,
    input  [11:0] wdata,
    input  [2:0]  raddr,
    output reg [11:0] rdata
);
    wire [11:0] rd;
    scr_regfile #(.AW(3), .DW(12), .SEED(12'hA5C)) u_rf (
        .clk(clk), .rst_n(rst_n), .we(we), .waddr(waddr), .wdata(wdata), .raddr(raddr), .rdata(rd));
    always @(posedge clk or negedge rst_n)
        if (!rst_n) rdata <= 12'd0;
        else        rdata <= rd;
endmodule
