// Cache statistics: 16-bit hit counter, four lookup ports, each hit port bumps the count.
module cache_hit_stats (
  input  logic        clk,
  input  logic        rst_n,
  input  logic [3:0]  hit,
  output logic [15:0] hits
);
  logic [15:0] hits_d;
  always_comb begin
    hits_d = hits;
    if (hit[0]) hits_d = hits_d + 16'd1;
    if (hit[1]) hits_d = hits_d + 16'd1;
    if (hit[2]) hits_d = hits_d + 16'd1;
    if (hit[3]) hits_d = hits_d + 16'd1;
  end
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) hits <= '0;
    else        hits <= hits_d;
endmodule
