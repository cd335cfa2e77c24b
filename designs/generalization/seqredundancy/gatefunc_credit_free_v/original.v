// Credit tracker: one credit flag per lane (taken on grant, returned on ret), each its own register,
// and a registered 'all lanes free' flag computed from the lanes' next state.
module credit_free (
  input  wire       clk,
  input  wire       rst_n,
  input  wire [3:0] grant,
  input  wire [3:0] ret,
  output wire [1:0] held_lo,
  output wire [1:0] held_hi,
  output reg        all_free
);
  reg h0, h1, h2, h3;
  wire n0 = (h0 | grant[0]) & ~ret[0];
  wire n1 = (h1 | grant[1]) & ~ret[1];
  wire n2 = (h2 | grant[2]) & ~ret[2];
  wire n3 = (h3 | grant[3]) & ~ret[3];
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      h0 <= 1'b0; h1 <= 1'b0; h2 <= 1'b0; h3 <= 1'b0;
      all_free <= 1'b1;
    end else begin
      h0 <= n0; h1 <= n1; h2 <= n2; h3 <= n3;
      all_free <= !(n0 || n1 || n2 || n3);
    end
  end
  assign held_lo = {h1, h0};
  assign held_hi = {h3, h2};
endmodule
