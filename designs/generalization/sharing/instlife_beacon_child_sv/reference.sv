// Beacon: one down-counting timer serves both phases (never busy together), loaded with the
// length of the phase being entered.
module dn_timer #(parameter int W = 8) (
  input  logic clk, rst,
  input  logic load,
  input  logic [W-1:0] val,
  output logic zero
);
  logic [W-1:0] c;
  always_ff @(posedge clk)
    if (rst) c <= '0;
    else if (load) c <= val;
    else if (c != '0) c <= c - 1'b1;
  assign zero = (c == '0);
endmodule

module beacon #(parameter int PRE = 30, parameter int GAP = 50, parameter int W = 6) (
  input  logic clk, rst, go,
  output logic tx, active
);
  typedef enum logic [1:0] {S_IDLE, S_PRE, S_GAP} st_t;
  st_t st;
  logic zero, ld_pre, ld_gap;
  assign ld_pre = go && ((st == S_IDLE) || (st == S_GAP && zero));
  assign ld_gap = (st == S_PRE) && go && zero;
  dn_timer #(.W(W)) u_t (.clk, .rst, .load(ld_pre || ld_gap), .val(ld_gap ? W'(GAP - 1) : W'(PRE - 1)), .zero(zero));
  always_ff @(posedge clk)
    if (rst) st <= S_IDLE;
    else begin
      case (st)
        S_IDLE: if (go) st <= S_PRE;
        S_PRE:  if (!go) st <= S_IDLE; else if (zero) st <= S_GAP;
        S_GAP:  if (zero) st <= go ? S_PRE : S_IDLE;
        default: st <= S_IDLE;
      endcase
    end
  assign tx = (st == S_PRE);
  assign active = (st != S_IDLE);
endmodule

module beacon_top (
  input  logic clk, rst, go,
  output logic tx, active
);
  beacon #(.PRE(12), .GAP(20), .W(5)) u_b (.*);
endmodule
