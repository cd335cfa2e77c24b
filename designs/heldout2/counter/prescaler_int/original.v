// Prescaler (divide by 100) feeding an 8-bit PWM.
module prescaler (
    input  wire       clk,
    input  wire       rst,
    input  wire [7:0] duty,
    output reg        tick,
    output reg        pwm
);
    reg [15:0] div_cnt;
    reg [15:0] pwm_cnt;
    always @(posedge clk) begin
        if (rst) begin
            div_cnt <= 0;
            pwm_cnt <= 0;
            tick    <= 1'b0;
            pwm     <= 1'b0;
        end else begin
            tick <= 1'b0;
            if (div_cnt >= 99) begin
                div_cnt <= 0;
                tick    <= 1'b1;
                if (pwm_cnt >= 255) pwm_cnt <= 0;
                else                pwm_cnt <= pwm_cnt + 1;
            end else begin
                div_cnt <= div_cnt + 1;
            end
            pwm <= (pwm_cnt < duty);
        end
    end
endmodule
