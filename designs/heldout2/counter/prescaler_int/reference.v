// Counters sized to their ranges (0..99 in 7 bits; 0..255 wraps naturally in 8 bits).
module prescaler (
    input  wire       clk,
    input  wire       rst,
    input  wire [7:0] duty,
    output reg        tick,
    output reg        pwm
);
    reg [6:0] div_cnt;
    reg [7:0] pwm_cnt;
    wire      wrap = (div_cnt >= 7'd99);
    always @(posedge clk) begin
        if (rst) begin
            div_cnt <= 7'd0;
            pwm_cnt <= 8'd0;
            tick    <= 1'b0;
            pwm     <= 1'b0;
        end else begin
            tick    <= wrap;
            div_cnt <= wrap ? 7'd0 : div_cnt + 7'd1;
            if (wrap) pwm_cnt <= pwm_cnt + 8'd1;
            pwm <= (pwm_cnt < duty);
        end
    end
endmodule
