// Watchdog heartbeat: a prescaler instance raises a strobe every LIMIT cycles and counts strobes in
// a 6-bit beat counter; the heartbeat instance keeps its own 2-bit strobe count and a beat flag that
// flips when that count wraps (SV: always_ff, logic, .name connections).
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
  input  logic clk, rst, stb,
  input  logic en,
  output logic hb
);
  logic [1:0] q;
  logic       flip;
  always_ff @(posedge clk) begin
    if (rst) begin
      q <= 2'd0;
      flip <= 1'b1;
    end else if (stb) begin
      q <= q + 2'd1;
      if (q == 2'd3) flip <= ~flip;
    end
  end
  assign hb = en ? flip : 1'b0;
endmodule

module wdog_hb (
  input  logic clk, rst, en,
  output logic [5:0] beats,
  output logic hb
);
  logic stb;
  prescale #(.LIMIT(2500)) u_pre (.clk, .rst, .stb, .beats);
  heartbeat u_hb (.clk, .rst, .stb, .en, .hb);
endmodule
