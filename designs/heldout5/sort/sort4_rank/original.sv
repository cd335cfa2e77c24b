// Sort four 8-bit keys ascending by computing each key's rank (stable).
module sort4 (
  input  logic [3:0][7:0] in,
  output logic [3:0][7:0] out
);
  logic [1:0] rank [4];
  always_comb begin
    for (int i = 0; i < 4; i++) begin
      rank[i] = '0;
      for (int j = 0; j < 4; j++)
        if (in[j] < in[i] || (in[j] == in[i] && j < i))
          rank[i] = rank[i] + 2'd1;
    end
    out = '0;
    for (int r = 0; r < 4; r++)
      for (int i = 0; i < 4; i++)
        if (rank[i] == r) out[r] = in[i];
  end
endmodule

module sort4_top (
  input  logic            clk,
  input  logic [3:0][7:0] keys,
  output logic [3:0][7:0] sorted
);
  logic [3:0][7:0] s;
  sort4 u_sort (.in(keys), .out(s));
  always_ff @(posedge clk) sorted <= s;
endmodule
