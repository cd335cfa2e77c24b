// LED fader: a new target brightness is loaded on 'load'; on every tick the level moves one step
// toward it. The 'fading' status is level != target (the flag register always equalled it).
module led_fade #(parameter int W = 8) (
  input  logic clk, rst,
  input  logic load,
  input  logic [W-1:0] tgt_in,
  input  logic tick,
  output logic [W-1:0] level,
  output logic fading
);
  logic [W-1:0] target;
  logic up;
  assign up = target > level;
  assign fading = (target != level);
  always_ff @(posedge clk) begin
    if (rst) begin level <= '0; target <= '0; end
    else if (load) target <= tgt_in;
    else if (tick && fading) level <= up ? level + 1'b1 : level - 1'b1;
  end
endmodule

module rgb_fade (
  input  logic clk, rst, load, tick,
  input  logic [5:0] r_t, g_t, b_t,
  output logic [5:0] r, g, b,
  output logic busy
);
  logic fr, fg, fb;
  led_fade #(.W(6)) u_r (.clk, .rst, .load, .tgt_in(r_t), .tick, .level(r), .fading(fr));
  led_fade #(.W(6)) u_g (.clk, .rst, .load, .tgt_in(g_t), .tick, .level(g), .fading(fg));
  led_fade #(.W(6)) u_b (.clk, .rst, .load, .tgt_in(b_t), .tick, .level(b), .fading(fb));
  assign busy = fr | fg | fb;
endmodule
