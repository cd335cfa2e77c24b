// FP8 (E4M3, bias 7) to signed 8.4 fixed point, truncating; exponent 0 -> 0.
module fp8_to_fix (
  input  wire [7:0]  f,
  output wire [12:0] q            // signed Q8.4
);
  wire       s = f[7];
  wire [3:0] e = f[6:3];
  wire [3:0] m = {1'b1, f[2:0]};  // value = m * 2^(e-10); Q8.4 wants value * 16
  reg  [11:0] mag;
  always @* begin
    if (e == 4'd0)
      mag = 12'd0;
    else if (e >= 4'd6)
      mag = {8'd0, m} << (e - 4'd6);
    else
      mag = {8'd0, m} >> (4'd6 - e);
  end
  assign q = s ? -{1'b0, mag} : {1'b0, mag};
endmodule
