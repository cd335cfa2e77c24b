// Three-channel LED dimmer: each channel owns a period counter (all three are
// reset together and run free), compares it with its duty and registers the
// result. The last parameter and the last port carry trailing comments.
module pwm_chan #(
    parameter PER = 200,       // clocks per PWM period
    parameter W   = 8          // counter width
) (
    input              clk,
    input              rst,
    input      [W-1:0] duty,   // on-time in clocks
    output reg         led     // registered PWM output
);
    reg [W-1:0] per_cnt;

    always @(posedge clk) begin
        if (rst)
            per_cnt <= {W{1'b0}};
        else if (per_cnt == PER - 1)
            per_cnt <= {W{1'b0}};
        else
            per_cnt <= per_cnt + 1'b1;
    end

    always @(posedge clk) begin
        if (rst) led <= 1'b0;
        else     led <= (per_cnt < duty);
    end
endmodule

module led_dimmer (
    input        clk,
    input        rst,
    input  [7:0] duty_r,
    input  [7:0] duty_g,
    input  [7:0] duty_b,
    output [2:0] rgb
);
    pwm_chan #(.PER(150), .W(8)) u_r (.clk(clk), .rst(rst), .duty(duty_r), .led(rgb[0]));
    pwm_chan #(.PER(150), .W(8)) u_g (.clk(clk), .rst(rst), .duty(duty_g), .led(rgb[1]));
    pwm_chan #(.PER(150), .W(8)) u_b (.clk(clk), .rst(rst), .duty(duty_b), .led(rgb[2]));
endmodule
