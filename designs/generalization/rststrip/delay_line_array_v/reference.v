// Fixed 4-sample delay: the circular buffer has no reset (every entry is
// written before the first delayed read); pointer, fill count and sum keep it.
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

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            wp   <= 2'd0;
            fill <= 3'd0;
        end else begin
            wp <= wp + 2'd1;
            if (fill != 3'd4)
                fill <= fill + 3'd1;
        end
    end

    always @(posedge clk)
        buf_q[wp] <= x;

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
