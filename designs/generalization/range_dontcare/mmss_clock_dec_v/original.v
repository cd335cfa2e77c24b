// Stopwatch mm:ss display: seconds (units 0-9, tens 0-5) and minutes units (0-9)
// as BCD digit registers, each shown through a generic active-low hex segment
// driver (a full 16-entry table, 0-F).
module seg_lut (
    input  wire [3:0] nib,
    output reg  [6:0] led_n     // abcdefg, active low
);
    always @(*) begin
        case (nib)
            4'd0:  led_n = 7'b0000001;
            4'd1:  led_n = 7'b1001111;
            4'd2:  led_n = 7'b0010010;
            4'd3:  led_n = 7'b0000110;
            4'd4:  led_n = 7'b1001100;
            4'd5:  led_n = 7'b0100100;
            4'd6:  led_n = 7'b0100000;
            4'd7:  led_n = 7'b0001111;
            4'd8:  led_n = 7'b0000000;
            4'd9:  led_n = 7'b0000100;
            4'd10: led_n = 7'b0001000;
            4'd11: led_n = 7'b1100000;
            4'd12: led_n = 7'b0110001;
            4'd13: led_n = 7'b1000010;
            4'd14: led_n = 7'b0110000;
            default: led_n = 7'b0111000;
        endcase
    end
endmodule

module stopwatch (
    input  wire        clk,
    input  wire        rst,
    input  wire        run,
    output wire [20:0] led_n
);
    reg [3:0] s_u, s_t, m_u;
    always @(posedge clk) begin
        if (rst) begin
            s_u <= 4'd0; s_t <= 4'd0; m_u <= 4'd0;
        end else if (run) begin
            if (s_u != 4'd9) s_u <= s_u + 4'd1;
            else begin
                s_u <= 4'd0;
                if (s_t != 4'd5) s_t <= s_t + 4'd1;
                else begin
                    s_t <= 4'd0;
                    m_u <= (m_u == 4'd9) ? 4'd0 : m_u + 4'd1;
                end
            end
        end
    end
    seg_lut d0 (.nib(s_u), .led_n(led_n[6:0]));
    seg_lut d1 (.nib(s_t), .led_n(led_n[13:7]));
    seg_lut d2 (.nib(m_u), .led_n(led_n[20:14]));
endmodule
