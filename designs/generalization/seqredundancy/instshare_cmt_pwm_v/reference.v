// Three-channel LED dimmer: one shared period counter feeds the three
// channel comparators.
module pwm_chan #(
    parameter W = 8            // counter width
) (
    input              clk,
    input              rst,
    input      [W-1:0] per_cnt, // shared period count
    input      [W-1:0] duty,   // on-time in clocks
    output reg         led     // registered PWM output
);
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
    reg [7:0] per_cnt;

    always @(posedge clk) begin
        if (rst)
            per_cnt <= 8'd0;
        else if (per_cnt == 8'd149)
            per_cnt <= 8'd0;
        else
            per_cnt <= per_cnt + 8'd1;
    end

    pwm_chan #(.W(8)) u_r (.clk(clk), .rst(rst), .per_cnt(per_cnt), .duty(duty_r), .led(rgb[0]));
    pwm_chan #(.W(8)) u_g (.clk(clk), .rst(rst), .per_cnt(per_cnt), .duty(duty_g), .led(rgb[1]));
    pwm_chan #(.W(8)) u_b (.clk(clk), .rst(rst), .per_cnt(per_cnt), .duty(duty_b), .led(rgb[2]));
endmodule
