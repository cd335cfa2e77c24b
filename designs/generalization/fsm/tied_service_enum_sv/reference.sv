// Sheet laminator controller, optimized for the top's tie-off (svc_mode = 0): SERVICE is removed
// and the timer stays below WARM_T = 50: 6 bits.
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
  typedef enum logic [1:0] {IDLE, WARM, FEED, COOLD} st_t;
  st_t st, nx;
  logic [5:0] tmr;

  always_comb begin
    nx = st;
    unique case (st)
      IDLE:    if (start) nx = WARM;
      WARM:    if (tmr == 6'd49) nx = FEED;
      FEED:    if (sheet_out) nx = COOLD; else if (!sheet_in && !start) nx = IDLE;
      COOLD:   if (tmr == 6'd29) nx = IDLE;
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

  assign heat  = (st == WARM) || (st == FEED);
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
