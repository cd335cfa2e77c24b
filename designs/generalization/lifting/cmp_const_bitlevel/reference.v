module timer_match (
  input  [9:0] tmr,
  output       tc,
  output       late
);
  assign tc   = tmr == 10'd999;
  assign late = tmr >= 10'd700;
endmodule
