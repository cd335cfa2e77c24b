module ones16 (
  input      [15:0] v,
  output reg [4:0]  n
);
  integer i;
  always @* begin
    n = 5'd0;
    for (i = 0; i < 16; i = i + 1)
      n = n + v[i];
  end
endmodule
