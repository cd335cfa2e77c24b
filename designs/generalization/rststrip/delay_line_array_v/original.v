// Fixed 4-sample delay for a moving-sum filter: a circular buffer written every
// cycle, cleared by a reset loop; the delayed sample is used only once the
// buffer has been filled once (primed), so the cleared contents are never read.
module delay_line (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [6:0] x,
    output reg  [8:0] sum,
    output wire       primed
);
    reg [6:0] buf_q [0:3];
    reg [1:0] wp;
    reg [2:0] fill;
    integer   i;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            wp   <= 2'd0;
            fill <= 3'd0;
            for (i = 0; i < 4; i = i + 1)
                buf_q[i] <= 7'd0;
        end else begin
            buf_q[wp] <= x;
            wp <= wp + 2'd1;
            if (fill != 3'd4)
                fill <= fill + 3'd1;
        end
    end

    assign primed = (fill == 3'd4);

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            sum <= 9'd0;
        else if (primed)
            sum <= sum + x - buf_q[wp];
        else
            sum <= sum + x;
    end
endmodule
