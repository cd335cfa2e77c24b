// Transfer controller: request, wait for grant, burst, drain (one drain state, 2-bit code; done is Mealy).
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
  typedef enum logic [1:0] {
    IDLE  = 2'd0,
    REQ   = 2'd1,
    BURST = 2'd2,
    DRAIN = 2'd3
  } state_e;

  state_e state_q, state_d;

  always_comb begin
    state_d = state_q;
    unique case (state_q)
      IDLE:    if (start_i) state_d = REQ;
      REQ:     if (gnt_i) state_d = BURST;
      BURST:   if (last_i) state_d = DRAIN;
      DRAIN:   if (flush_i) state_d = IDLE;
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
  assign done_o = flush_i & (state_q == DRAIN);
endmodule
