// SPI-like command sequencer: 3-process FSM with registered outputs (glitch-free by habit).
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

  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) cur <= S_IDLE;
    else        cur <= nxt;

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

  // registered outputs, computed from the next state
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      cs_n    <= 1'b1;
      sck_en  <= 1'b0;
      mosi_oe <= 1'b0;
      capture <= 1'b0;
      phase   <= 2'd0;
    end else begin
      cs_n    <= (nxt == S_IDLE);
      sck_en  <= (nxt == S_CMD) || (nxt == S_ADDR) || (nxt == S_DATA);
      mosi_oe <= (nxt == S_CMD) || (nxt == S_ADDR) || (nxt == S_DATA && !rd);
      capture <= (nxt == S_DATA) && rd;
      case (nxt)
        S_CMD:   phase <= 2'd1;
        S_ADDR:  phase <= 2'd2;
        S_DATA:  phase <= 2'd3;
        default: phase <= 2'd0;
      endcase
    end
  end
endmodule
