// request/ack handshake FSM with two equivalent wait states; block-local variables, wire initializer, compound assignments
module hs_fsm (input logic clk, input logic rst, input logic req, input logic stall, input logic sel,
               input logic [3:0] ack, output logic busy, output logic done);
  typedef enum logic [2:0] {IDLE = 3'd0, REQ = 3'd1, WAITA = 3'd2, WAITB = 3'd3, DONE = 3'd4} st_t;
  st_t st, nxt;
  wire start = req & ~stall;
  always_comb begin : nx
    logic ack_any;
    ack_any = 1'b0;
    for (int k = 0; k < 4; k++) ack_any |= ack[k];
    nxt = st;
    unique case (st)
      IDLE:  if (start) nxt = REQ;
      REQ:   nxt = sel ? WAITA : WAITB;
      WAITA: if (ack_any) nxt = DONE;
      WAITB: if (ack_any) nxt = DONE;
      DONE:  nxt = IDLE;
      default: nxt = IDLE;
    endcase
  end
  always_ff @(posedge clk)
    if (rst) st <= IDLE;
    else st <= nxt;
  assign busy = (st != IDLE);
  assign done = (st == DONE);
endmodule
