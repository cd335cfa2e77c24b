// Watchdog heartbeat: the heartbeat's strobe count and flag were in lock step with the beat counter
// (q == beats[1:0], flip == ~beats[2]): the heartbeat reads ~beats[2].
module prescale #(parameter int LIMIT = 3000) (
  input  logic clk, rst,
  output logic stb,
  output logic [5:0] beats
);
  logic [11:0] cnt;
  always_ff @(posedge clk) begin
    if (rst) begin
      cnt <= '0;
      beats <= '0;
    end else if (cnt == 12'(LIMIT - 1)) begin
      cnt <= '0;
      beats <= beats + 6'd1;
    end else begin
      cnt <= cnt + 12'd1;
    end
  end
  assign stb = (cnt == 12'(LIMIT - 1));
endmodule

module heartbeat (
  input  logic en, flip,
  output logic hb
);
  assign hb = en ? flip : 1'b0;
endmodule

module wdog_hb (
  input  logic clk, rst, en,
  output logic [5:0] beats,
  output logic hb
);
  logic stb;
  prescale #(.LIMIT(2500)) u_pre (.clk, .rst, .stb, .beats);
  heartbeat u_hb (.en, .flip(~beats[2]), .hb);
endmodule
