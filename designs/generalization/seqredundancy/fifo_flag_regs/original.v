// FIFO controller with registered full/empty flags kept next to the count.
module fifo_flags (
    input  wire       clk,
    input  wire       rst,
    input  wire       wr,
    input  wire       rd,
    output reg        full,
    output reg        empty,
    output reg  [4:0] count
);
    wire do_wr = wr && !full;
    wire do_rd = rd && !empty;
    always @(posedge clk) begin
        if (rst) begin
            count <= 5'd0;
            full  <= 1'b0;
            empty <= 1'b1;
        end else if (do_wr && !do_rd) begin
            count <= count + 5'd1;
            empty <= 1'b0;
            full  <= (count == 5'd19);
        end else if (do_rd && !do_wr) begin
            count <= count - 5'd1;
            full  <= 1'b0;
            empty <= (count == 5'd1);
        end
    end
endmodule
