// Wrap-bit pointers: used = wptr - rptr, full = used[3], empty = (wptr == rptr).
module fq_ctrl (
    input  wire       clk,
    input  wire       rst,
    input  wire       push,
    input  wire       pop,
    output wire [2:0] wp,
    output wire [2:0] rp,
    output wire [3:0] used,
    output wire       full,
    output wire       empty
);
    reg [3:0] wptr, rptr;
    assign used  = wptr - rptr;
    assign full  = used[3];
    assign empty = (wptr == rptr);
    assign wp    = wptr[2:0];
    assign rp    = rptr[2:0];
    wire we = push & ~full;
    wire re = pop & ~empty;
    always @(posedge clk) begin
        if (rst) begin
            wptr <= 4'd0; rptr <= 4'd0;
        end else begin
            if (we) wptr <= wptr + 4'd1;
            if (re) rptr <= rptr + 4'd1;
        end
    end
endmodule
