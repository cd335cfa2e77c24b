module ctx_regs (
    input  wire        clk,
    input  wire        rst,
    input  wire        push,
    input  wire [11:0] wdata,
    input  wire [3:0]  raddr,
    output wire [11:0] rdata
);
    reg [2:0] wptr;
    always @(posedge clk) begin
        if (rst)       wptr <= 3'd0;
        else if (push) wptr <= wptr + 3'd1;
    end
    reg [11:0] mem [0:7];
    integer i;
    always @(posedge clk) begin
        for (i = 0; i < 8; i = i + 1)
            if (rst)
                mem[i] <= 12'd0;
            else if (push && wptr == i)
                mem[i] <= wdata;
    end
    assign rdata = raddr[3] ? 12'd0 : mem[raddr[2:0]];
endmodule
