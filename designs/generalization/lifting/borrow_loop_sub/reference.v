module sub_borrow (
  input      [15:0] minuend,
  input      [15:0] subtrahend,
  output     [15:0] diff,
  output            borrow_out
);
  assign {borrow_out, diff} = {1'b0, minuend} - {1'b0, subtrahend};
endmodule
