// FIFO controller: full/empty decoded from the count.
module fifo_flags (
    input  wire       clk,
    input  wire       rst,
    input  wire       wr,
    input  wire       rd,
    output wire       full,
    output wire       empty,
    output reg  [4:0] count
);
    wire do_wr = wr && !full;
    wire do_rd = rd && !empty;
    always @(posedge clk) begin
        if (rst)
            count <= 5'd0;
        else if (do_wr && !do_rd)
            count <= count + 5'd1;
        else if (do_rd && !do_wr)
            count <= count - 5'd1;
    end
    assign full  = (count == 5'd20);
    assign empty = (count == 5'd0);
endmodule
