// RGB LED dimmer: one 8-bit PWM phase counter shared by three compare channels.
module led_compare (
  input  logic       clk,
  input  logic       rst_n,
  input  logic [7:0] phase,
  input  logic [7:0] level,
  output logic       led
);
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
  logic [7:0] phase;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n)    phase <= '0;
    else if (step) phase <= phase + 1'b1;
  end
  led_compare u_red   (.clk(clk), .rst_n(rst_n), .phase(phase), .level(r), .led(leds[0]));
  led_compare u_green (.clk(clk), .rst_n(rst_n), .phase(phase), .level(g), .led(leds[1]));
  led_compare u_blue  (.clk(clk), .rst_n(rst_n), .phase(phase), .level(b), .led(leds[2]));
endmodule
