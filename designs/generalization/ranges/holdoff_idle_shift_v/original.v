// Hold-off timer (Verilog-2001): after trig the output stays blocked for 4*HOLD ticks; the 16-bit tick
// counter advances while not idle and stops one past the end wire (HOLD = 100 from the top); idle is set
// through a one-driver wire comparing with a parameter expression.
module holdoff #(parameter HOLD = 64) (
  input  wire clk,
  input  wire rst_n,
  input  wire tick,
  input  wire trig,
  output reg  idle,
  output wire blocked,
  output wire half
);
  reg  [15:0] tm;
  wire at_end = (tm == (HOLD << 2) - 1);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      idle <= 1'b1;
      tm   <= 16'd0;
    end else if (idle) begin
      if (trig) begin
        idle <= 1'b0;
        tm   <= 16'd0;
      end
    end else if (tick) begin
      tm <= tm + 1'b1;
      if (at_end) idle <= 1'b1;
    end
  end
  assign blocked = !idle;
  assign half    = !idle && (tm >= 2 * HOLD);
endmodule

module holdoff_top (
  input  wire clk, rst_n, tick, trig,
  output wire ready, blocked, half
);
  holdoff #(.HOLD(100)) u_h (.clk(clk), .rst_n(rst_n), .tick(tick), .trig(trig), .idle(ready), .blocked(blocked), .half(half));
endmodule
