// Exact bit-field decodes (regions are aligned) and an AND-OR read mux (selects are exclusive).
module csr_block (
    input  wire        clk,
    input  wire        rst_n,
    input  wire [11:0] addr,
    input  wire        wr,
    input  wire [31:0] wdata,
    output wire [31:0] rdata,
    output reg  [31:0] ctrl,
    output reg  [31:0] scratch,
    input  wire [31:0] status,
    input  wire [31:0] counter
);
    wire lo          = (addr[11:4] == 8'h00);
    wire sel_ctrl    = lo & (addr[3:2] == 2'd0);
    wire sel_status  = lo & (addr[3:2] == 2'd1);
    wire sel_scratch = lo & (addr[3:2] == 2'd2);
    wire sel_counter = (addr[11:2] == 10'h040);
    wire sel_id      = &addr[11:2];

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            ctrl    <= 32'd0;
            scratch <= 32'd0;
        end else if (wr) begin
            if (sel_ctrl)    ctrl    <= wdata;
            if (sel_scratch) scratch <= wdata;
        end
    end

    assign rdata = ({32{sel_ctrl}}    & ctrl)
                 | ({32{sel_status}}  & status)
                 | ({32{sel_scratch}} & scratch)
                 | ({32{sel_counter}} & counter)
                 | ({32{sel_id}}      & 32'hC0DE_0101);
endmodule
