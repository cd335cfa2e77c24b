// Bascule bridge span controller: warning lamps, road gates, span motor.
module span_ctrl #(parameter int WARN_T = 300, parameter int TW = 12) (
  input  logic clk, rst,
  input  logic req, abort, gate_dn, gate_up, span_up, span_dn, clear,
  output logic lamp, gate_mdn, gate_mup, span_mup, span_mdn
);
  // REOPEN_A and REOPEN_B are equivalent (one REOPEN, 7 states, binary); warning timer < 40 (6 bits)
  typedef enum logic [2:0] {IDLE, WARN, GDOWN, RAISE, UP, LOWER, REOPEN} st_t;
  st_t st, nx;
  logic [5:0] t;

  always_comb begin
    nx = st;
    unique case (st)
      IDLE:   if (req) nx = WARN;
      WARN:   if (t == 6'd39) nx = GDOWN;
      GDOWN:  if (abort) nx = REOPEN; else if (gate_dn) nx = RAISE;
      RAISE:  if (span_up) nx = UP;
      UP:     if (clear) nx = LOWER;
      LOWER:  if (span_dn) nx = REOPEN;
      REOPEN: if (gate_up) nx = IDLE;
      default: nx = IDLE;
    endcase
  end

  always_ff @(posedge clk) begin
    if (rst) begin
      st <= IDLE;
      t  <= '0;
    end else begin
      st <= nx;
      t  <= (st == WARN) ? t + 1'b1 : '0;
    end
  end

  assign lamp     = (st == WARN) | (st == GDOWN) | (st == RAISE) | (st == UP) | (st == LOWER);
  assign gate_mdn = (st == GDOWN);
  assign gate_mup = (st == REOPEN);
  assign span_mup = (st == RAISE);
  assign span_mdn = (st == LOWER);
endmodule

module bridge_ctrl (
  input  logic clk, rst,
  input  logic req, abort, gate_dn, gate_up, span_up, span_dn, clear,
  output logic lamp, gate_mdn, gate_mup, span_mup, span_mdn
);
  span_ctrl #(.WARN_T(40), .TW(12)) u_span (.*);
endmodule
