// FIFO control with watermark flags registered for timing (computed from the next pointers).
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
    output reg        full,
    output reg        empty,
    output reg        almost_full,
    output reg        almost_empty,
    output reg  [5:0] level
);
    wire       do_wr = wr & ~full;
    wire       do_rd = rd & ~empty;
    wire [5:0] wn    = wptr + {5'd0, do_wr};
    wire [5:0] rn    = rptr + {5'd0, do_rd};
    wire [5:0] lvl_n = wn - rn;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            wptr <= 6'd0; rptr <= 6'd0;
            full <= 1'b0; empty <= 1'b1;
            almost_full <= 1'b0; almost_empty <= 1'b1;
            level <= 6'd0;
        end else begin
            wptr         <= wn;
            rptr         <= rn;
            level        <= lvl_n;
            full         <= (lvl_n == 6'd32);
            empty        <= (lvl_n == 6'd0);
            almost_full  <= (lvl_n >= AF);
            almost_empty <= (lvl_n <= AE);
        end
    end
endmodule
