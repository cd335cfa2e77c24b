module shl32 (
  input  [31:0] din,
  input  [4:0]  amt,
  output [31:0] dout
);
  assign dout = din << amt;
endmodule
