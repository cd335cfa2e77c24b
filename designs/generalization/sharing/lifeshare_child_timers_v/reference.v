// Heater cycle: heat for HEAT ticks, then soak for SOAK ticks, and again while 'en' holds. The two
// phase timers never run together (each is started on entry to its own phase): one counter with a
// phase-selected limit.
module heater_cycle #(parameter HEAT = 12, parameter SOAK = 7) (
  input  wire clk, rst, en,
  output reg  heat, busy
);
  reg [3:0] c;
  reg run;
  wire d = run && (c == (heat ? HEAT - 1 : SOAK - 1));
  wire hd = heat && d;
  wire sd = !heat && d;
  wire go_h = en && (!busy || (!heat && sd));
  wire go_s = heat && hd;
  always @(posedge clk)
    if (rst) begin c <= 4'd0; run <= 1'b0; end
    else if (go_h || go_s) begin c <= 4'd0; run <= 1'b1; end
    else if (run) begin
      if (d) begin c <= 4'd0; run <= 1'b0; end
      else c <= c + 4'd1;
    end
  always @(posedge clk)
    if (rst) begin heat <= 1'b0; busy <= 1'b0; end
    else if (go_h) begin heat <= 1'b1; busy <= 1'b1; end
    else if (go_s) heat <= 1'b0;
    else if (!heat && sd) busy <= 1'b0;
endmodule
