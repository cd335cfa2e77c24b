// Three-lane right-justifier: the lanes are shifted right by their common number of trailing zeros,
// counted per lane by a function (a loop from the top, the last set bit wins) and reduced pairwise in
// the register updates themselves (no named minimum: the amount is read as a register's next state and
// as the shift amount of every lane).
module shift_norm (
  input  logic        clk,
  input  logic        go,
  input  logic [11:0] l0, l1, l2,
  output logic [3:0]  sh_q,
  output logic [11:0] r0_q, r1_q, r2_q
);
  function automatic logic [3:0] ctz12(input logic [11:0] v);
    ctz12 = 4'd12;
    for (int i = 11; i >= 0; i--)
      if (v[i]) ctz12 = i[3:0];
  endfunction

  function automatic logic [3:0] min4(input logic [3:0] a, input logic [3:0] b);
    min4 = (a < b) ? a : b;
  endfunction

  always_ff @(posedge clk)
    if (go) begin
      sh_q <= min4(ctz12(l2), min4(ctz12(l0), ctz12(l1)));
      r0_q <= l0 >> min4(ctz12(l2), min4(ctz12(l0), ctz12(l1)));
      r1_q <= l1 >> min4(ctz12(l2), min4(ctz12(l0), ctz12(l1)));
      r2_q <= l2 >> min4(ctz12(l2), min4(ctz12(l0), ctz12(l1)));
    end
endmodule
