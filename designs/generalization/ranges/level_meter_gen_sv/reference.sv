// Per-channel up/down level meters in an SV for-generate: a level in 0..100 fits 7 bits.
module level_meters #(parameter int N = 3, parameter int TOP = 100) (
  input  logic            clk,
  input  logic            rst,
  input  logic [N-1:0]    up,
  input  logic [N-1:0]    dn,
  output logic [N*32-1:0] level_o,
  output logic [N-1:0]    full
);
  for (genvar g = 0; g < N; g++) begin : gen_ch
    logic [6:0] level;
    always_ff @(posedge clk)
      level <= rst ? '0
             : (up[g] && !dn[g] && level < TOP) ? level + 7'd1
             : (dn[g] && !up[g] && level != 7'd0) ? level - 7'd1
             : level;
    assign level_o[32*g +: 32] = {25'd0, level};
    assign full[g] = level == TOP;
  end
endmodule
