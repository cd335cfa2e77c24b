// RGB LED dimmer: three explicit channel instances, each with its own 8-bit PWM phase counter
// advanced by the shared prescaler enable.
module led_channel #(
  parameter int W = 8
) (
  input  logic         clk,
  input  logic         rst_n,
  input  logic         step,
  input  logic [W-1:0] level,
  output logic         led
);
  logic [W-1:0] phase;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n)    phase <= '0;
    else if (step) phase <= phase + 1'b1;
  end
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) led <= 1'b0;
    else        led <= (phase < level);
  end
endmodule

module rgb_dimmer (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       step,
  input  logic [7:0] r, g, b,
  output logic [2:0] leds
);
  led_channel #(.W(8)) u_red   (.clk(clk), .rst_n(rst_n), .step(step), .level(r), .led(leds[0]));
  led_channel #(.W(8)) u_green (.clk(clk), .rst_n(rst_n), .step(step), .level(g), .led(leds[1]));
  led_channel #(.W(8)) u_blue  (.clk(clk), .rst_n(rst_n), .step(step), .level(b), .led(leds[2]));
endmodule
