// SPI-like command sequencer: outputs decoded from the state register (same cycle timing as
// registering the decode of the next state), except the rd-dependent ones which keep a flop.
module spi_seq (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       go,
  input  logic       rd,
  input  logic       bit_done,
  input  logic       last_bit,
  output logic       cs_n,
  output logic       sck_en,
  output logic       mosi_oe,
  output logic       capture,
  output logic [1:0] phase
);
  typedef enum logic [2:0] {S_IDLE, S_SETUP, S_CMD, S_ADDR, S_DATA, S_HOLD} state_t;
  state_t cur, nxt;
  logic   rd_q;

  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      cur  <= S_IDLE;
      rd_q <= 1'b0;
    end else begin
      cur  <= nxt;
      rd_q <= rd;
    end

  always_comb begin
    nxt = cur;
    case (cur)
      S_IDLE:  if (go) nxt = S_SETUP;
      S_SETUP: nxt = S_CMD;
      S_CMD:   if (bit_done && last_bit) nxt = S_ADDR;
      S_ADDR:  if (bit_done && last_bit) nxt = S_DATA;
      S_DATA:  if (bit_done && last_bit) nxt = S_HOLD;
      S_HOLD:  nxt = S_IDLE;
      default: nxt = S_IDLE;
    endcase
  end

  assign cs_n    = (cur == S_IDLE);
  assign sck_en  = (cur == S_CMD) || (cur == S_ADDR) || (cur == S_DATA);
  assign mosi_oe = (cur == S_CMD) || (cur == S_ADDR) || (cur == S_DATA && !rd_q);
  assign capture = (cur == S_DATA) && rd_q;
  always_comb begin
    case (cur)
      S_CMD:   phase = 2'd1;
      S_ADDR:  phase = 2'd2;
      S_DATA:  phase = 2'd3;
      default: phase = 2'd0;
    endcase
  end
endmodule
