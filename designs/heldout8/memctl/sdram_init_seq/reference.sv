// Refresh count <= 2 (2 bits instead of int); init_done is (state == DONE).
module sdram_init_top (
  input  logic       clk,
  input  logic       rst_n,
  output logic [3:0] cmd,
  output logic       ready
);
  typedef enum logic [2:0] {S_WAIT, S_PRE, S_REF, S_REFW, S_MRS, S_DONE} state_t;
  state_t st;
  logic [10:0] cnt;
  logic [1:0]  nref;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st   <= S_WAIT;
      cnt  <= '0;
      nref <= 2'd0;
    end else begin
      unique case (st)
        S_WAIT: if (cnt == 11'd1999) begin cnt <= '0; st <= S_PRE; end
                else cnt <= cnt + 11'd1;
        S_PRE:  st <= S_REF;
        S_REF:  begin st <= S_REFW; cnt <= '0; end
        S_REFW: if (cnt == 11'd4) begin
                  cnt  <= '0;
                  nref <= nref + 2'd1;
                  st   <= (nref == 2'd1) ? S_MRS : S_REF;
                end else cnt <= cnt + 11'd1;
        S_MRS:  st <= S_DONE;
        default: ;
      endcase
    end
  end

  assign ready = (st == S_DONE);

  always_comb begin
    unique case (st)
      S_PRE:   cmd = 4'b0010;
      S_REF:   cmd = 4'b0001;
      S_MRS:   cmd = 4'b0000;
      default: cmd = 4'b0111;
    endcase
  end
endmodule
