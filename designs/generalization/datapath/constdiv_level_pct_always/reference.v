// round(v * 100 / 63) == (v * 203 + 68) >> 7 for every 6-bit v; round(v * 100 / 31) == (v * 207 + 23) >> 6
// for every 5-bit v: constant multiplies as shift-adds, no divider.
module duty_to_percent (
  input      [5:0] duty_lvl,
  input      [4:0] temp_step,
  output reg [6:0] duty_pct,
  output reg [6:0] temp_pct
);
  wire [13:0] duty_t = {duty_lvl, 7'd0} + {duty_lvl, 6'd0} + {duty_lvl, 3'd0} + {duty_lvl, 1'b0} + duty_lvl + 14'd68;
  wire [12:0] temp_t = {temp_step, 8'd0} - {temp_step, 6'd0} + {temp_step, 4'd0} - temp_step + 13'd23;
  always @* begin
    duty_pct = duty_t[13:7];
    temp_pct = temp_t[12:6];
  end
endmodule
