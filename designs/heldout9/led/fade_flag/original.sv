// LED fader: a new target brightness is loaded on 'load'; on every tick the level moves one step
// toward it. A 'fading' status flag (for the CSR) is set on a load to a different level and
// cleared by the step that reaches the target.
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
  always_ff @(posedge clk) begin
    if (rst) begin level <= '0; target <= '0; fading <= 1'b0; end
    else if (load) begin
      target <= tgt_in;
      fading <= (tgt_in != level);
    end else if (tick && fading) begin
      level <= up ? level + 1'b1 : level - 1'b1;
      if ((up ? level + 1'b1 : level - 1'b1) == target) fading <= 1'b0;
    end
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
