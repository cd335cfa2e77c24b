// Knight-rider LED chaser: the one-hot LED register shifts; direction flips at the ends.
module led_chaser (
  input            clk,
  input            rst,
  input            tick,
  output reg [7:0] leds
);
  reg left;

  always @(posedge clk) begin
    if (rst) begin
      left <= 1'b1;
      leds <= 8'b0000_0001;
    end else if (tick) begin
      if (left) begin
        if (leds[6]) left <= 1'b0;
        leds <= {leds[6:0], 1'b0};
      end else begin
        if (leds[1]) left <= 1'b1;
        leds <= {1'b0, leds[7:1]};
      end
    end
  end
endmodule
