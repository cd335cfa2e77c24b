// Beacon: while go, send a preamble for PRE ticks then stay quiet for GAP ticks, repeat.
// Each phase has its own down-counting timer instance, loaded when the phase is entered.
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
  logic pre_zero, gap_zero, ld_pre, ld_gap;
  assign ld_pre = go && ((st == S_IDLE) || (st == S_GAP && gap_zero));
  assign ld_gap = (st == S_PRE) && go && pre_zero;
  dn_timer #(.W(W)) u_pre (.clk, .rst, .load(ld_pre), .val(W'(PRE - 1)), .zero(pre_zero));
  dn_timer #(.W(W)) u_gap (.clk, .rst, .load(ld_gap), .val(W'(GAP - 1)), .zero(gap_zero));
  always_ff @(posedge clk)
    if (rst) st <= S_IDLE;
    else begin
      case (st)
        S_IDLE: if (go) st <= S_PRE;
        S_PRE:  if (!go) st <= S_IDLE; else if (pre_zero) st <= S_GAP;
        S_GAP:  if (gap_zero) st <= go ? S_PRE : S_IDLE;
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
