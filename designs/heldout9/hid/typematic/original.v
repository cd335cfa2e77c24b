// Keyboard typematic (auto-repeat): after a key is held for DELAY ticks emit a repeat, then one
// every RATE ticks while it stays held. Separate counters for the initial delay and the repeat rate.
module typematic #(parameter DELAY = 500, parameter RATE = 40, parameter W = 10) (
  input  wire clk, rst,
  input  wire tick,
  input  wire key,
  output reg  rep
);
  reg [W-1:0] dcnt, rcnt;
  reg repeating;
  always @(posedge clk)
    if (rst || !key) begin dcnt <= {W{1'b0}}; rcnt <= {W{1'b0}}; repeating <= 1'b0; rep <= 1'b0; end
    else begin
      rep <= 1'b0;
      if (tick) begin
        if (!repeating) begin
          if (dcnt == DELAY - 1) begin repeating <= 1'b1; rep <= 1'b1; end
          else dcnt <= dcnt + 1'b1;
        end else begin
          if (rcnt == RATE - 1) begin rcnt <= {W{1'b0}}; rep <= 1'b1; end
          else rcnt <= rcnt + 1'b1;
        end
      end
    end
endmodule

module kbd_repeat (
  input  wire clk, rst, tick, key_a, key_b,
  output wire rep_a, rep_b
);
  typematic #(.DELAY(24), .RATE(6), .W(5)) u_a (.clk(clk), .rst(rst), .tick(tick), .key(key_a), .rep(rep_a));
  typematic #(.DELAY(24), .RATE(6), .W(5)) u_b (.clk(clk), .rst(rst), .tick(tick), .key(key_b), .rep(rep_b));
endmodule
