module timer_match (
  input  [9:0] tmr,
  output       tc,
  output       late
);
  // 999 = 11_1110_0111
  wire hi  = tmr[9] & tmr[8] & tmr[7] & tmr[6] & tmr[5];
  wire mid = ~tmr[4] & ~tmr[3];
  wire lo  = tmr[2] & tmr[1] & tmr[0];
  and u_tc (tc, hi, mid, lo);
  // tmr >= 700 (10_1011_1100), decided from the MSB down
  wire low4 = tmr[5] & tmr[4] & tmr[3] & tmr[2];
  wire ge6  = tmr[6] | low4;
  assign late = tmr[9] & (tmr[8] | (tmr[7] & ge6));
endmodule
