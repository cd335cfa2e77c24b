// Binary pointer in the register; the Gray value is one XOR layer on its outputs.
module wptr_gray (
    input  wire       clk,
    input  wire       rst,
    input  wire       push,
    input  wire       full,
    output wire [9:0] wptr_gray,
    output wire [8:0] waddr
);
    reg [9:0] bptr;
    always @(posedge clk) begin
        if (rst)
            bptr <= 10'd0;
        else if (push && !full)
            bptr <= bptr + 10'd1;
    end
    assign wptr_gray = bptr ^ {1'b0, bptr[9:1]};
    assign waddr     = bptr[8:0];
endmodule
