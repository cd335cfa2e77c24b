// Synchronous FIFO control (storage lives outside): pointers, occupancy, flags.
module fifo_ctrl (
    input  wire       clk,
    input  wire       rst,
    input  wire       push,
    input  wire       pop,
    output reg  [3:0] waddr,
    output reg  [3:0] raddr,
    output reg  [4:0] count,
    output reg        full,
    output reg        empty,
    output wire       wr_en,
    output wire       rd_en
);
    assign wr_en = push & ~full;
    assign rd_en = pop & ~empty;

    always @(posedge clk) begin
        if (rst) begin
            waddr <= 4'd0;
            raddr <= 4'd0;
            count <= 5'd0;
            full  <= 1'b0;
            empty <= 1'b1;
        end else begin
            if (wr_en) waddr <= waddr + 4'd1;
            if (rd_en) raddr <= raddr + 4'd1;
            case ({wr_en, rd_en})
                2'b10: begin
                    count <= count + 5'd1;
                    full  <= (count == 5'd15);
                    empty <= 1'b0;
                end
                2'b01: begin
                    count <= count - 5'd1;
                    full  <= 1'b0;
                    empty <= (count == 5'd1);
                end
                default: ;
            endcase
        end
    end
endmodule
