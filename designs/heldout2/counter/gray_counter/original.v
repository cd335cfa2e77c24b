// Gray-coded step counter for a rotary-encoder emulator (read synchronously in this clock domain).
module gray_counter (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       inc,
    output reg  [7:0] gray
);
    function [7:0] g2b;
        input [7:0] g;
        integer k;
        begin
            g2b[7] = g[7];
            for (k = 6; k >= 0; k = k - 1)
                g2b[k] = g2b[k+1] ^ g[k];
        end
    endfunction

    function [7:0] b2g;
        input [7:0] b;
        begin
            b2g = b ^ (b >> 1);
        end
    endfunction

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            gray <= 8'd0;
        else if (inc)
            gray <= b2g(g2b(gray) + 8'd1);
    end
endmodule
