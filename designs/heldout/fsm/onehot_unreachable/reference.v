module dma_ctl (
    input  wire clk,
    input  wire rst,
    input  wire req,
    input  wire gnt,
    input  wire last,
    output wire busy,
    output wire rd_en,
    output wire wr_en,
    output wire irq
);
    // binary encoding: IDLE=000 ARB=001 READ=010 WRITE=011 FIN=100
    reg [2:0] st;
    always @(posedge clk) begin
        if (rst) st <= 3'd0;
        else case (st)
            3'd0:    st <= req  ? 3'd1 : 3'd0;
            3'd1:    st <= gnt  ? 3'd2 : 3'd1;
            3'd2:    st <= 3'd3;
            3'd3:    st <= last ? 3'd4 : 3'd2;
            default: st <= 3'd0;
        endcase
    end
    assign busy  = |st;
    assign rd_en = (st == 3'd2);
    assign wr_en = (st == 3'd3);
    assign irq   = st[2];
endmodule
