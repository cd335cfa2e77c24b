// Fan-speed telemetry: a 6-bit duty level and a 5-bit temperature step reported as rounded
// percentages (round(v * 100 / max)), computed in a combinational always block.
module duty_to_percent (
  input      [5:0] duty_lvl,
  input      [4:0] temp_step,
  output reg [6:0] duty_pct,
  output reg [6:0] temp_pct
);
  reg [12:0] duty_scaled;
  reg [11:0] temp_scaled;
  always @* begin
    duty_scaled = duty_lvl * 7'd100 + 13'd31;
    duty_pct    = duty_scaled / 13'd63;
    temp_scaled = temp_step * 7'd100 + 12'd15;
    temp_pct    = temp_scaled / 12'd31;
  end
endmodule
