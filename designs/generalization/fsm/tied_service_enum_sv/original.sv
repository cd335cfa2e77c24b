// Sheet laminator controller: SV enum, two processes (next state in always_comb, state and timer in
// always_ff). SERVICE is entered only with svc_mode, which the top ties low; the warm-up timer is
// declared with the top's TW = 14 bits and, without SERVICE (SVC_T = 5000), stays below WARM_T = 50.
module lam_fsm #(parameter int WARM_T = 400, parameter int COOL_T = 100, parameter int SVC_T = 9000,
                 parameter int TW = 16) (
  input  logic clk,
  input  logic rst_n,
  input  logic start,
  input  logic sheet_in,
  input  logic sheet_out,
  input  logic svc_mode,
  output logic heat,
  output logic roll,
  output logic ready
);
  typedef enum logic [2:0] {IDLE, WARM, FEED, COOLD, SERVICE} st_t;
  st_t st, nx;
  logic [TW-1:0] tmr;

  always_comb begin
    nx = st;
    unique case (st)
      IDLE:    if (svc_mode) nx = SERVICE; else if (start) nx = WARM;
      WARM:    if (tmr == TW'(WARM_T - 1)) nx = FEED;
      FEED:    if (sheet_out) nx = COOLD; else if (!sheet_in && !start) nx = IDLE;
      COOLD:   if (tmr == TW'(COOL_T - 1)) nx = IDLE;
      SERVICE: if (tmr == TW'(SVC_T - 1)) nx = IDLE;
      default: nx = IDLE;
    endcase
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st  <= IDLE;
      tmr <= '0;
    end else begin
      st  <= nx;
      tmr <= (nx != st || st == IDLE || st == FEED) ? '0 : tmr + 1'b1;
    end
  end

  assign heat  = (st == WARM) || (st == FEED) || (st == SERVICE);
  assign roll  = (st == FEED) || (st == COOLD);
  assign ready = (st == IDLE);
endmodule

module laminator (
  input  logic clk,
  input  logic rst_n,
  input  logic start,
  input  logic sheet_in,
  input  logic sheet_out,
  output logic heat,
  output logic roll,
  output logic ready
);
  // office model: no service menu
  lam_fsm #(.WARM_T(50), .COOL_T(30), .SVC_T(5000), .TW(14)) u_fsm (
    .clk, .rst_n, .start, .sheet_in, .sheet_out, .svc_mode(1'b0), .heat, .roll, .ready);
endmodule
