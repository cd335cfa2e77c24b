module frame_timer (
    input  wire       clk,
    input  wire       rst,
    input  wire       tick,
    output reg        line_end,
    output reg        frame_end,
    output wire [6:0] line_no
);
    integer pix;
    integer line;

    always @(posedge clk) begin
        if (rst) begin
            pix       <= 0;
            line      <= 0;
            line_end  <= 1'b0;
            frame_end <= 1'b0;
        end else if (tick) begin
            line_end  <= (pix == 63);
            frame_end <= (pix == 63) && (line == 127);
            if (pix == 63) begin
                pix <= 0;
                if (line == 127)
                    line <= 0;
                else
                    line <= line + 1;
            end else begin
                pix <= pix + 1;
            end
        end
    end
    assign line_no = line[6:0];
endmodule
