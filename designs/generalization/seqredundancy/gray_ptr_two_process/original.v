// Async-FIFO write pointer (source side): Gray pointer register, next state through binary.
module wptr_gray (
    input  wire       clk,
    input  wire       rst,
    input  wire       push,
    input  wire       full,
    output wire [9:0] wptr_gray,
    output wire [8:0] waddr
);
    function [9:0] bin2gray;
        input [9:0] b;
        bin2gray = b ^ {1'b0, b[9:1]};
    endfunction

    function [9:0] gray2bin;
        input [9:0] g;
        integer i;
        begin
            gray2bin[9] = g[9];
            for (i = 8; i >= 0; i = i - 1)
                gray2bin[i] = gray2bin[i + 1] ^ g[i];
        end
    endfunction

    reg  [9:0] gptr;
    wire [9:0] bptr    = gray2bin(gptr);
    wire [9:0] gptr_nx = bin2gray(bptr + 10'd1);

    always @(posedge clk) begin
        if (rst)
            gptr <= 10'd0;
        else if (push && !full)
            gptr <= gptr_nx;
    end

    assign wptr_gray = gptr;
    assign waddr     = bptr[8:0];
endmodule
