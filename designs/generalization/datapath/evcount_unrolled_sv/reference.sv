// Cache statistics: the port hits are summed in 3 bits, then one 16-bit adder.
module cache_hit_stats (
  input  logic        clk,
  input  logic        rst_n,
  input  logic [3:0]  hit,
  output logic [15:0] hits
);
  logic [2:0] nhit;
  always_comb nhit = {2'b0, hit[0]} + {2'b0, hit[1]} + {2'b0, hit[2]} + {2'b0, hit[3]};
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) hits <= '0;
    else        hits <= hits + nhit;
endmodule
