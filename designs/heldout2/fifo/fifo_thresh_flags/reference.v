// level is always wptr - rptr, and every flag is a function of level: keep only the pointers.
module fifo_thr #(
    parameter AF = 28,
    parameter AE = 4
) (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       wr,
    input  wire       rd,
    output reg  [5:0] wptr,
    output reg  [5:0] rptr,
    output wire       full,
    output wire       empty,
    output wire       almost_full,
    output wire       almost_empty,
    output wire [5:0] level
);
    assign level        = wptr - rptr;
    assign full         = level[5];
    assign empty        = (wptr == rptr);
    assign almost_full  = (level >= AF);
    assign almost_empty = (level <= AE);
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            wptr <= 6'd0;
            rptr <= 6'd0;
        end else begin
            if (wr & ~full)  wptr <= wptr + 6'd1;
            if (rd & ~empty) rptr <= rptr + 6'd1;
        end
    end
endmodule
