// Transfer controller: request, wait for grant, burst, drain.
module ctrl_fsm (
  input  logic clk_i,
  input  logic rst_ni,
  input  logic start_i,
  input  logic mode_i,
  input  logic gnt_i,
  input  logic last_i,
  input  logic flush_i,
  output logic req_o,
  output logic busy_o,
  output logic we_o,
  output logic done_o
);
  typedef enum logic [2:0] {
    IDLE    = 3'd0,
    REQ     = 3'd1,
    BURST   = 3'd2,
    DRAIN_A = 3'd3,
    DRAIN_B = 3'd4
  } state_e;

  state_e state_q, state_d;

  always_comb begin
    state_d = state_q;
    unique case (state_q)
      IDLE:    if (start_i) state_d = REQ;
      REQ:     if (gnt_i) state_d = BURST;
      BURST: begin
        if (last_i) state_d = mode_i ? DRAIN_B : DRAIN_A;
      end
      DRAIN_A: if (flush_i) state_d = IDLE;
      DRAIN_B: if (flush_i) state_d = IDLE;
      default: state_d = IDLE;
    endcase
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) state_q <= IDLE;
    else         state_q <= state_d;
  end

  assign req_o  = (state_q == REQ);
  assign busy_o = (state_q != IDLE);
  assign we_o   = (state_q == BURST);
  assign done_o = flush_i & (state_q == DRAIN_A | state_q == DRAIN_B);
endmodule
