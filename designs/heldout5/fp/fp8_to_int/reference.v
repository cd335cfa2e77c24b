// One left shift by the exponent, the fixed offset taken as a bit slice.
module fp8_to_fix (
  input  wire [7:0]  f,
  output wire [12:0] q
);
  wire        s = f[7];
  wire [3:0]  e = f[6:3];
  wire [17:0] t = {14'd0, |e, f[2:0]} << e;   // m * 2^e; mag = t >> 6
  wire [11:0] mag = t[17:6];
  assign q = s ? -{1'b0, mag} : {1'b0, mag};
endmodule
