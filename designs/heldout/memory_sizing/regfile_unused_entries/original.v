module ctx_regs (
    input  wire        clk,
    input  wire        rst,
    input  wire        push,
    input  wire [11:0] wdata,
    input  wire [3:0]  raddr,
    output wire [11:0] rdata
);
    reg [2:0] wptr;   // 8 contexts in this configuration
    always @(posedge clk) begin
        if (rst)       wptr <= 3'd0;
        else if (push) wptr <= wptr + 3'd1;
    end

    wire [3:0] waddr = {1'b0, wptr};
    reg [11:0] mem [0:15];
    genvar g;
    generate
        for (g = 0; g < 16; g = g + 1) begin : g_ent
            always @(posedge clk) begin
                if (rst)
                    mem[g] <= 12'd0;
                else if (push && waddr == g)
                    mem[g] <= wdata;
            end
        end
    endgenerate
    assign rdata = mem[raddr];
endmodule
