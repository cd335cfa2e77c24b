// Aligned regions as bit-field decodes; exclusive selects combined by an AND-OR mux.
module irq_rd (
    input  wire        clk,
    input  wire [5:0]  waddr,
    input  wire [31:0] pending,
    input  wire [31:0] enable,
    input  wire [31:0] prio,
    input  wire [31:0] claim,
    output reg  [31:0] rdata
);
    wire s_pend  = waddr[5:2] == 4'd0;
    wire s_en    = waddr[5:2] == 4'd1;
    wire s_prio  = waddr[5:4] == 2'd1;
    wire s_claim = &waddr;
    always @(posedge clk)
        rdata <= ({32{s_pend}} & pending) | ({32{s_en}} & enable)
               | ({32{s_prio}} & prio)    | ({32{s_claim}} & claim);
endmodule
