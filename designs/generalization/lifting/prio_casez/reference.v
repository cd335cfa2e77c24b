module irq_prio (
  input      [7:0] req,
  output     [2:0] idx,
  output           valid
);
  assign valid  = |req;
  assign idx[2] = ~|req[3:0] & |req[7:4];
  assign idx[1] = ~|req[1:0] & (|req[3:2] | ~|req[5:4] & |req[7:6]);
  assign idx[0] = ~req[0] & (req[1] | ~req[2] & (req[3] | ~req[4] & (req[5] | ~req[6] & req[7])));
endmodule
