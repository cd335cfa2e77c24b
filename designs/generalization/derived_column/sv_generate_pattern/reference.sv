// Reference: no stored privilege column; computed from the probe key (equal to a hit entry's key).
module perm_table #(parameter int E = 8, parameter int KW = 12) (
  input  logic          clk,
  input  logic          rst_n,
  input  logic          load,
  input  logic [2:0]    load_at,
  input  logic [KW-1:0] load_key,
  input  logic [KW-1:0] probe,
  output logic          hit,
  output logic          priv
);
  logic [E-1:0][KW-1:0] key_r;
  logic [E-1:0]         ok_r;
  logic [E-1:0]         eq;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      key_r  <= '0;
      ok_r   <= '0;
    end else if (load) begin
      key_r[load_at]  <= load_key;
      ok_r[load_at]   <= 1'b1;
    end
  end
  for (genvar g = 0; g < E; g++) begin : g_cmp
    assign eq[g] = ok_r[g] && (key_r[g] == probe);
  end
  assign hit  = |eq;
  assign priv = hit && ((probe[KW-1 -: 4] == 4'hF) || ^probe[7:0]);
endmodule
