// SDRAM power-up initialisation: wait, PRECHARGE ALL, NREF x AUTO REFRESH, LOAD MODE.
module sdram_init #(
  parameter int TWAIT = 20000,
  parameter int NREF  = 8,
  parameter int TRFC  = 7
) (
  input  logic       clk,
  input  logic       rst_n,
  output logic [3:0] cmd,        // {cs_n, ras_n, cas_n, we_n}
  output logic       init_done
);
  typedef enum logic [2:0] {S_WAIT, S_PRE, S_REF, S_REFW, S_MRS, S_DONE} state_t;
  state_t st;
  logic [$clog2(TWAIT)-1:0] cnt;
  int nref;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st        <= S_WAIT;
      cnt       <= '0;
      nref      <= 0;
      init_done <= 1'b0;
    end else begin
      unique case (st)
        S_WAIT: if (cnt == TWAIT - 1) begin cnt <= '0; st <= S_PRE; end
                else cnt <= cnt + 1'b1;
        S_PRE:  st <= S_REF;
        S_REF:  begin st <= S_REFW; cnt <= '0; end
        S_REFW: if (cnt == TRFC - 1) begin
                  cnt  <= '0;
                  nref <= nref + 1;
                  st   <= (nref == NREF - 1) ? S_MRS : S_REF;
                end else cnt <= cnt + 1'b1;
        S_MRS:  begin st <= S_DONE; init_done <= 1'b1; end
        default: ;
      endcase
    end
  end

  always_comb begin
    unique case (st)
      S_PRE:   cmd = 4'b0010;
      S_REF:   cmd = 4'b0001;
      S_MRS:   cmd = 4'b0000;
      default: cmd = 4'b0111;
    endcase
  end
endmodule

module sdram_init_top (
  input  logic       clk,
  input  logic       rst_n,
  output logic [3:0] cmd,
  output logic       ready
);
  sdram_init #(.TWAIT(2000), .NREF(2), .TRFC(5)) u_init (.clk, .rst_n, .cmd, .init_done(ready));
endmodule
