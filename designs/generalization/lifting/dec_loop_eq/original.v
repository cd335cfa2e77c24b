module addr_decode (
  input      [4:0]  sel,
  output reg [31:0] onehot
);
  integer i;
  always @* begin
    for (i = 0; i < 32; i = i + 1)
      onehot[i] = (sel == i);
  end
endmodule
