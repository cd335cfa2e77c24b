module ctr_next (
  input  [79:0] cnt,
  output [79:0] cnt_inc
);
  assign cnt_inc = cnt + 80'd1;
endmodule
