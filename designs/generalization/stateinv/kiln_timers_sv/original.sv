// Kiln sequencer: heat, soak and cool phases, each timed by its own 16-bit
// counter of slow ticks; a counter is held at zero outside its phase.
module kiln_tick #(parameter int N = 4) (
  input  logic clk, rst_n,
  output logic tick
);
  logic [$clog2(N)-1:0] q;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n)           q <= '0;
    else if (q == N - 1)  q <= '0;
    else                  q <= q + 1'b1;
  assign tick = (q == N - 1);
endmodule

module kiln_seq #(
  parameter int HEAT = 12,
  parameter int SOAK = 40,
  parameter int COOL = 25
) (
  input  logic clk, rst_n,
  input  logic go, abort, lid_open,
  output logic burner, fan, done_led
);
  typedef enum logic [1:0] {S_IDLE, S_HEAT, S_SOAK, S_COOL} phase_t;
  phase_t ph;
  logic [15:0] th, ts, tc;
  logic tick;

  kiln_tick #(.N(4)) u_tick (.clk, .rst_n, .tick);

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) ph <= S_IDLE;
    else begin
      unique case (ph)
        S_IDLE: if (go && !lid_open) ph <= S_HEAT;
        S_HEAT: if (abort || lid_open) ph <= S_COOL;
                else if (tick && th == HEAT - 1) ph <= S_SOAK;
        S_SOAK: if (abort) ph <= S_COOL;
                else if (tick && ts == SOAK - 1) ph <= S_COOL;
        S_COOL: if (tick && tc == COOL - 1) ph <= S_IDLE;
      endcase
    end
  end

  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n)              th <= '0;
    else if (ph != S_HEAT)   th <= '0;
    else if (tick)           th <= th + 16'd1;

  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n)              ts <= '0;
    else if (ph != S_SOAK)   ts <= '0;
    else if (tick)           ts <= ts + 16'd1;

  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n)              tc <= '0;
    else if (ph != S_COOL)   tc <= '0;
    else if (tick)           tc <= tc + 16'd1;

  assign burner   = (ph == S_HEAT) || (ph == S_SOAK);
  assign fan      = (ph == S_COOL);
  assign done_led = (ph == S_IDLE);
endmodule
