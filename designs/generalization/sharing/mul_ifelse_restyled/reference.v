module mulsel_r (
  input  [7:0] p, q, r, s,
  input        pick,
  output [15:0] prod
);
  assign prod = (pick ? p : r) * (pick ? q : s);
endmodule
