// Sync-word detector for "1101" (overlapping): states = longest matched prefix (none, 1, 11, 110).
module seq_det (
  input  logic clk,
  input  logic rst_n,
  input  logic en,
  input  logic din,
  output logic hit
);
  typedef enum logic [1:0] {P0, P1, P11, P110} pfx_e;

  pfx_e st, st_n;

  always_comb begin
    st_n = st;
    if (en) begin
      unique case (st)
        P0:   st_n = din ? P1  : P0;
        P1:   st_n = din ? P11 : P0;
        P11:  st_n = din ? P11 : P110;
        P110: st_n = din ? P1  : P0;
        default: st_n = P0;
      endcase
    end
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) st <= P0;
    else        st <= st_n;
  end

  assign hit = en && din && (st == P110);
endmodule
