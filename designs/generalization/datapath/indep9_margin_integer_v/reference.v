module lvl_ok (
  input  wire [11:0] lvl,
  input  wire [11:0] thr,
  input  wire [11:0] hys,
  output wire        above
);
  assign above = {1'b0, lvl} >= ({1'b0, thr} + {1'b0, hys});
endmodule
