// Peripheral CSR block: address decoded with range compares, read mux as an if/else chain.
module csr_block (
    input  wire        clk,
    input  wire        rst_n,
    input  wire [11:0] addr,
    input  wire        wr,
    input  wire [31:0] wdata,
    output reg  [31:0] rdata,
    output reg  [31:0] ctrl,
    output reg  [31:0] scratch,
    input  wire [31:0] status,
    input  wire [31:0] counter
);
    wire sel_ctrl    = (addr >= 12'h000) && (addr < 12'h004);
    wire sel_status  = (addr >= 12'h004) && (addr < 12'h008);
    wire sel_scratch = (addr >= 12'h008) && (addr < 12'h00C);
    wire sel_counter = (addr >= 12'h100) && (addr < 12'h104);
    wire sel_id      = (addr >= 12'hFFC);

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            ctrl    <= 32'd0;
            scratch <= 32'd0;
        end else if (wr) begin
            if (sel_ctrl)    ctrl    <= wdata;
            if (sel_scratch) scratch <= wdata;
        end
    end

    always @* begin
        if (sel_ctrl)         rdata = ctrl;
        else if (sel_status)  rdata = status;
        else if (sel_scratch) rdata = scratch;
        else if (sel_counter) rdata = counter;
        else if (sel_id)      rdata = 32'hC0DE_0101;
        else                  rdata = 32'd0;
    end
endmodule
