module frame_timer (
    input  wire       clk,
    input  wire       rst,
    input  wire       tick,
    output reg        line_end,
    output reg        frame_end,
    output wire [6:0] line_no
);
    reg [5:0] pix;
    reg [6:0] line;
    wire pix_last = &pix;
    always @(posedge clk) begin
        if (rst) begin
            pix       <= 6'd0;
            line      <= 7'd0;
            line_end  <= 1'b0;
            frame_end <= 1'b0;
        end else if (tick) begin
            line_end  <= pix_last;
            frame_end <= pix_last & (&line);
            pix       <= pix + 6'd1;
            if (pix_last)
                line <= line + 7'd1;
        end
    end
    assign line_no = line;
endmodule
