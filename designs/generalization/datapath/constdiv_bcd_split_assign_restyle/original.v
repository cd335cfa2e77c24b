// Display driver: an 8-bit reading split into hundreds, tens and ones digits with / and %.
module bcd_split (
  input  [7:0] val,
  output [1:0] hund,
  output [3:0] tens,
  output [3:0] ones
);
  wire [7:0] below100 = val % 8'd100;
  assign hund = val / 8'd100;
  assign tens = below100 / 8'd10;
  assign ones = below100 % 8'd10;
endmodule
