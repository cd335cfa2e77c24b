// Knight-rider LED chaser: one LED lit, moving left then right on every tick.
module led_chaser (
  input            clk,
  input            rst,
  input            tick,
  output reg [7:0] leds
);
  reg [2:0] pos;
  reg       left;      // moving toward LED 7

  always @(posedge clk) begin
    if (rst) begin
      pos  <= 3'd0;
      left <= 1'b1;
      leds <= 8'b0000_0001;
    end else if (tick) begin
      if (left) begin
        if (pos == 3'd6) left <= 1'b0;
        pos <= pos + 3'd1;
        leds <= 8'b0000_0001 << (pos + 3'd1);
      end else begin
        if (pos == 3'd1) left <= 1'b1;
        pos <= pos - 3'd1;
        leds <= 8'b0000_0001 << (pos - 3'd1);
      end
    end
  end
endmodule
