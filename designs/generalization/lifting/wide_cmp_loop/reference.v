module ts_compare (
  input  [71:0] ts_now,
  input  [71:0] ts_deadline,
  output        expired
);
  assign expired = ts_deadline < ts_now;
endmodule
