// APB3 master: one transfer per request, separate read and write state paths.
module apb_master (
  input  logic        pclk,
  input  logic        rst_n,
  input  logic        req,
  input  logic        req_write,
  input  logic [15:0] req_addr,
  input  logic [31:0] req_wdata,
  output logic        done,
  output logic [31:0] rdata,
  output logic        psel,
  output logic        penable,
  output logic        pwrite,
  output logic [15:0] paddr,
  output logic [31:0] pwdata,
  input  logic [31:0] prdata,
  input  logic        pready
);
  typedef enum logic [2:0] {IDLE, RD_SETUP, RD_ACCESS, WR_SETUP, WR_ACCESS, DONE} state_t;
  state_t state;

  always_ff @(posedge pclk or negedge rst_n) begin
    if (!rst_n) begin
      state  <= IDLE;
      pwrite <= 1'b0;
      paddr  <= '0;
      pwdata <= '0;
      rdata  <= '0;
    end else begin
      unique case (state)
        IDLE: if (req) begin
          pwrite <= req_write;
          paddr  <= req_addr;
          pwdata <= req_wdata;
          state  <= req_write ? WR_SETUP : RD_SETUP;
        end
        RD_SETUP:  state <= RD_ACCESS;
        RD_ACCESS: if (pready) begin rdata <= prdata; state <= DONE; end
        WR_SETUP:  state <= WR_ACCESS;
        WR_ACCESS: if (pready) state <= DONE;
        DONE:      state <= IDLE;
        default:   state <= IDLE;
      endcase
    end
  end

  always_comb begin
    psel    = (state == RD_SETUP) || (state == RD_ACCESS) || (state == WR_SETUP) || (state == WR_ACCESS);
    penable = (state == RD_ACCESS) || (state == WR_ACCESS);
    done    = (state == DONE);
  end
endmodule
