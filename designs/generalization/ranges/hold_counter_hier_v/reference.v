// Key-hold repeat: while a key is held, count ticks up to HOLD; 'repeat_on' once held that long.
// Two keys with different hold times; the counter is a Verilog integer in a sub-module.
module hold_counter (clk, rst, tick, key, repeat_on);
  parameter HOLD = 250;
  input  clk, rst, tick, key;
  output repeat_on;

  localparam W = $clog2(HOLD + 1);
  reg [W-1:0] cnt;
  wire    at_top = (cnt == HOLD);

  always @(posedge clk)
    if (rst)
      cnt <= {W{1'b0}};
    else if (!key)
      cnt <= {W{1'b0}};
    else if (tick && !at_top)
      cnt <= cnt + 1'b1;

  assign repeat_on = key & at_top;
endmodule

module key_repeat (clk, rst, tick, keys, rep);
  input        clk, rst, tick;
  input  [1:0] keys;
  output [1:0] rep;

  hold_counter #(.HOLD(25))  u_k0 (.clk(clk), .rst(rst), .tick(tick), .key(keys[0]), .repeat_on(rep[0]));
  hold_counter #(.HOLD(180)) u_k1 (.clk(clk), .rst(rst), .tick(tick), .key(keys[1]), .repeat_on(rep[1]));
endmodule
