// 4-phase request/acknowledge master serving two request sources (rx and tx DMA channels)
// towards one memory port. The rx and tx paths are equivalent states: merged, 2-bit state.
module dma_hs (
  input  wire clk,
  input  wire rst_n,
  input  wire rx_req,
  input  wire tx_req,
  input  wire mem_ack,
  output reg  mem_req,
  output reg  busy,
  output reg  done_pulse
);
  localparam IDLE = 2'd0,
             REQ  = 2'd1,
             WAIT = 2'd2,
             DONE = 2'd3;

  reg [1:0] state, next;

  always @(posedge clk or negedge rst_n)
    if (!rst_n) state <= IDLE;
    else        state <= next;

  always @* begin
    next = state;
    case (state)
      IDLE: if (rx_req || tx_req) next = REQ;
      REQ:  if (mem_ack) next = WAIT;
      WAIT: if (!mem_ack) next = DONE;
      DONE: next = IDLE;
    endcase
  end

  always @* begin
    mem_req    = (state == REQ);
    busy       = (state != IDLE);
    done_pulse = (state == DONE);
  end
endmodule
