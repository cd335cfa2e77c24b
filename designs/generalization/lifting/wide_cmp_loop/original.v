module ts_compare (
  input  [71:0] ts_now,
  input  [71:0] ts_deadline,
  output reg    expired
);
  // MSB-first scan: the first differing bit decides
  integer i;
  reg     decided;
  always @* begin
    expired = 1'b0;
    decided = 1'b0;
    for (i = 71; i >= 0; i = i - 1)
      if (!decided && (ts_now[i] != ts_deadline[i])) begin
        expired = ts_now[i];
        decided = 1'b1;
      end
  end
endmodule
