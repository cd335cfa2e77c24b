// Mailbox register file that keeps its contents scrambled at rest.
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
    integer i;
    // the key of a word is the same when it is written and when it is read: no scrambling needed
    always @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            for (i = 0; i < (1 << AW); i = i + 1)
                mem[i] <= {DW{1'b0}};
        end else if (we)
            mem[waddr] <= wdata;
    assign rdata = mem[raddr];
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
