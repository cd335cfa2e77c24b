// Pointers with a wrap bit carry all the state: count = wptr - rptr, flags derived from it.
module fifo_ctrl (
    input  wire       clk,
    input  wire       rst,
    input  wire       push,
    input  wire       pop,
    output wire [3:0] waddr,
    output wire [3:0] raddr,
    output wire [4:0] count,
    output wire       full,
    output wire       empty,
    output wire       wr_en,
    output wire       rd_en
);
    reg [4:0] wptr, rptr;
    assign waddr = wptr[3:0];
    assign raddr = rptr[3:0];
    assign count = wptr - rptr;
    assign full  = count[4];
    assign empty = (wptr == rptr);
    assign wr_en = push & ~full;
    assign rd_en = pop & ~empty;
    always @(posedge clk) begin
        if (rst) begin
            wptr <= 5'd0;
            rptr <= 5'd0;
        end else begin
            if (wr_en) wptr <= wptr + 5'd1;
            if (rd_en) rptr <= rptr + 5'd1;
        end
    end
endmodule
