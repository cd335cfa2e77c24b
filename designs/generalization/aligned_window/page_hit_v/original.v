// Page-attribute unit: three page registers programmed by software (the low
// byte of a written value is masked off: pages are 256-byte aligned); an access
// hits a page when page <= addr < page + 256. Registers in a child module, the
// decode in the parent's generate loop.
module page_regs (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        we,
    input  wire [1:0]  sel,
    input  wire [15:0] wdata,
    output reg  [47:0] pages
);
    always @(posedge clk or negedge rst_n)
        if (!rst_n)
            pages <= 48'd0;
        else if (we)
            case (sel)
                2'd0: pages[15:0]  <= wdata & 16'hff00;
                2'd1: pages[31:16] <= wdata & 16'hff00;
                2'd2: pages[47:32] <= wdata & 16'hff00;
                default: ;
            endcase
endmodule

module page_hit (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        we,
    input  wire [1:0]  sel,
    input  wire [15:0] wdata,
    input  wire [15:0] addr,
    output wire [2:0]  hit,
    output wire        miss
);
    wire [47:0] pages;
    page_regs u_regs (.clk(clk), .rst_n(rst_n), .we(we), .sel(sel), .wdata(wdata), .pages(pages));
    genvar g;
    generate
        for (g = 0; g < 3; g = g + 1) begin : pg
            wire [15:0] base = pages[16*g +: 16];
            assign hit[g] = (base <= addr) & (base + 32'd256 > addr);
        end
    endgenerate
    assign miss = ~|hit;
endmodule
