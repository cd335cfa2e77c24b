// 4-phase request/acknowledge master serving two request sources (rx and tx DMA channels)
// towards one memory port. Separate states per channel, as drawn in the spec's diagram.
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
  localparam IDLE     = 3'd0,
             RX_REQ   = 3'd1,
             RX_WAIT  = 3'd2,
             TX_REQ   = 3'd3,
             TX_WAIT  = 3'd4,
             RX_DONE  = 3'd5,
             TX_DONE  = 3'd6;

  reg [2:0] state, next;

  always @(posedge clk or negedge rst_n)
    if (!rst_n) state <= IDLE;
    else        state <= next;

  always @* begin
    next = state;
    case (state)
      IDLE:    if (rx_req) next = RX_REQ; else if (tx_req) next = TX_REQ;
      RX_REQ:  if (mem_ack) next = RX_WAIT;
      RX_WAIT: if (!mem_ack) next = RX_DONE;
      RX_DONE: next = IDLE;
      TX_REQ:  if (mem_ack) next = TX_WAIT;
      TX_WAIT: if (!mem_ack) next = TX_DONE;
      TX_DONE: next = IDLE;
      default: next = IDLE;
    endcase
  end

  always @* begin
    mem_req    = (state == RX_REQ) || (state == TX_REQ);
    busy       = (state != IDLE);
    done_pulse = (state == RX_DONE) || (state == TX_DONE);
  end
endmodule
