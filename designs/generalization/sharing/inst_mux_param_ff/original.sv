// Parameterized 16-bit barrel rotate-and-mix unit instantiated for two
// channels; a registered output takes one of them per cycle (always_ff).
module mix_unit #(parameter W = 16) (
  input  logic [W-1:0] a,
  input  logic [3:0]   rot,
  input  logic [W-1:0] key,
  output logic [W-1:0] y
);
  logic [W-1:0] r;
  always_comb begin
    r = (a << rot) | (a >> (W - rot));
    y = (r ^ key) + {r[W/2-1:0], r[W-1:W/2]};
  end
endmodule

module two_chan_mix (
  input  logic        clk,
  input  logic        rst_n,
  input  logic        sel_b,
  input  logic [15:0] ch_a,
  input  logic [15:0] ch_b,
  input  logic [3:0]  rot,
  input  logic [15:0] key,
  output logic [15:0] q
);
  logic [15:0] ya, yb;
  mix_unit #(.W(16)) m_a (.a(ch_a), .rot(rot), .key(key), .y(ya));
  mix_unit #(.W(16)) m_b (.a(ch_b), .rot(rot), .key(key), .y(yb));
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n)    q <= '0;
    else if (sel_b) q <= yb;
    else           q <= ya;
endmodule
