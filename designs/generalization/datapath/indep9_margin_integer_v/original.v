module lvl_ok (
  input  wire [11:0] lvl,
  input  wire [11:0] thr,
  input  wire [11:0] hys,
  output wire        above
);
  integer margin;
  always @* margin = lvl - thr - hys;
  assign above = margin >= 0;
endmodule
