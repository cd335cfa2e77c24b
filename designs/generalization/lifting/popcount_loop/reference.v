module ones16 (
  input      [15:0] v,
  output     [4:0]  n
);
  assign n = $countones(v);
endmodule
