module irq_prio (
  input      [7:0] req,
  output     [2:0] idx,
  output           valid
);
  assign valid = |req;
  assign idx = req[0] ? 3'd0 : req[1] ? 3'd1 : req[2] ? 3'd2 : req[3] ? 3'd3 :
               req[4] ? 3'd4 : req[5] ? 3'd5 : req[6] ? 3'd6 : req[7] ? 3'd7 : 3'd0;
endmodule
