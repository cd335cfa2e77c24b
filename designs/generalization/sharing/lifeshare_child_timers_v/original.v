// Heater cycle: heat for HEAT ticks, then soak for SOAK ticks, and again while 'en' holds; each
// phase is timed by its own timer instance, started when the phase is entered.
module ph_timer #(parameter N = 16, parameter W = 4) (
  input  wire clk, rst, start,
  output wire done
);
  reg [W-1:0] c;
  reg run;
  always @(posedge clk)
    if (rst) begin c <= {W{1'b0}}; run <= 1'b0; end
    else if (start) begin c <= {W{1'b0}}; run <= 1'b1; end
    else if (run) begin
      if (c == N - 1) begin c <= {W{1'b0}}; run <= 1'b0; end
      else c <= c + 1'b1;
    end
  assign done = run && (c == N - 1);
endmodule

module heater_cycle #(parameter HEAT = 12, parameter SOAK = 7) (
  input  wire clk, rst, en,
  output reg  heat, busy
);
  wire hd, sd;
  wire go_h = en && (!busy || (!heat && sd));
  wire go_s = heat && hd;
  ph_timer #(.N(HEAT), .W(4)) t_heat (.clk(clk), .rst(rst), .start(go_h), .done(hd));
  ph_timer #(.N(SOAK), .W(3)) t_soak (.clk(clk), .rst(rst), .start(go_s), .done(sd));
  always @(posedge clk)
    if (rst) begin heat <= 1'b0; busy <= 1'b0; end
    else if (go_h) begin heat <= 1'b1; busy <= 1'b1; end
    else if (go_s) heat <= 1'b0;
    else if (!heat && sd) busy <= 1'b0;
endmodule
