// Pair normaliser: two mantissas are shifted left by the same amount, the smaller of their
// leading-zero counts (a function with a found flag per mantissa, a min in a child module).
module umin4 (
  input  [3:0] p,
  input  [3:0] q,
  output [3:0] y
);
  assign y = (p < q) ? p : q;
endmodule

module pair_norm (
  input             clk,
  input             en,
  input      [9:0]  ma,
  input      [9:0]  mb,
  output reg [3:0]  sh_q,
  output reg [9:0]  na_q,
  output reg [9:0]  nb_q
);
  function [3:0] clz10;
    input [9:0] v;
    integer i;
    reg found;
    begin
      clz10 = 4'd10;
      found = 1'b0;
      for (i = 9; i >= 0; i = i - 1)
        if (!found && v[i]) begin
          clz10 = 9 - i;
          found = 1'b1;
        end
    end
  endfunction

  wire [3:0] za = clz10(ma);
  wire [3:0] zb = clz10(mb);
  wire [3:0] sh;
  umin4 u_min (.p(za), .q(zb), .y(sh));

  always @(posedge clk)
    if (en) begin
      sh_q <= sh;
      na_q <= ma << sh;
      nb_q <= mb << sh;
    end
endmodule
