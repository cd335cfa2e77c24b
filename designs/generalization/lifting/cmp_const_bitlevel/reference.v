module timer_match (
  input  [9:0] tmr,
  output       tc,
  output       late
);
  assign tc = tmr == 10'd999;
  // tmr >= 700: the MSB-down decision maps smaller than a generic comparator against a constant
  assign late = tmr[9] & (tmr[8] | (tmr[7] & (tmr[6] | (&tmr[5:2]))));
endmodule
