// Four retriggerable hold-off timers kept as SV int (signed 32-bit):
// a kick reloads 45, otherwise the timer counts down and sticks at 0.
module holdoff4 (
  input  logic       clk,
  input  logic       rst,
  input  logic [3:0] kick,
  output logic [3:0] busy,
  output logic [3:0] expired
);
  int tmr [4];

  always_ff @(posedge clk) begin
    for (int i = 0; i < 4; i++) begin
      if (rst)
        tmr[i] <= 0;
      else if (kick[i])
        tmr[i] <= 45;
      else if (tmr[i] > 0)
        tmr[i] <= tmr[i] - 1;
    end
  end

  always_comb begin
    for (int i = 0; i < 4; i++) begin
      busy[i]    = tmr[i] > 0;
      expired[i] = tmr[i] == 1;
    end
  end
endmodule
