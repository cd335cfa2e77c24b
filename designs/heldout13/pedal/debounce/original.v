// Guitar effects footswitch: synchronise, debounce, toggle the effect on each press.
module fsw_debounce #(parameter STABLE = 1000, parameter CW = 16) (
  input  wire clk,
  input  wire rst,
  input  wire sw_n,
  output reg  level,
  output wire press
);
  reg s1, s2;
  reg [CW-1:0] cnt;
  reg level_d;
  always @(posedge clk) begin
    if (rst) begin
      s1 <= 1'b1; s2 <= 1'b1; cnt <= 0; level <= 1'b0; level_d <= 1'b0;
    end else begin
      s1 <= sw_n;
      s2 <= s1;
      level_d <= level;
      if (~s2 == level) cnt <= 0;
      else if (cnt == STABLE - 1) begin
        level <= ~s2;
        cnt <= 0;
      end else cnt <= cnt + 1'b1;
    end
  end
  assign press = level & ~level_d;
endmodule

module effect_toggle #(parameter N = 2) (
  input  wire clk,
  input  wire rst,
  input  wire [N-1:0] press,
  output reg  [N-1:0] fx_on
);
  always @(posedge clk) begin
    if (rst) fx_on <= {N{1'b0}};
    else     fx_on <= fx_on ^ press;
  end
endmodule

module pedal_board (
  input  wire       clk,
  input  wire       rst,
  input  wire [1:0] fsw_n,
  output wire [1:0] fx_on
);
  wire [1:0] press;
  fsw_debounce #(.STABLE(24), .CW(16)) u_db0 (.clk(clk), .rst(rst), .sw_n(fsw_n[0]), .level(), .press(press[0]));
  fsw_debounce #(.STABLE(24), .CW(16)) u_db1 (.clk(clk), .rst(rst), .sw_n(fsw_n[1]), .level(), .press(press[1]));
  effect_toggle #(.N(2)) u_tg (.clk(clk), .rst(rst), .press(press), .fx_on(fx_on));
endmodule
