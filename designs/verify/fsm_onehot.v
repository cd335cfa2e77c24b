// same machine, one-hot encoded
module det(input clk, input rst, input din, output found);
  reg [4:0] st;  // {S1101, S110, S11, S1, S0}
  wire [4:0] nx;
  assign nx[0] = ~din & (st[0] | st[1] | st[3] | st[4]);
  assign nx[1] = din & st[0];
  assign nx[2] = din & (st[1] | st[2] | st[4]);
  assign nx[3] = ~din & st[2];
  assign nx[4] = din & st[3];
  always @(posedge clk) if (rst) st <= 5'b00001; else st <= nx;
  assign found = st[4];
endmodule
