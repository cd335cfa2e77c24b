// Median of five 8-bit samples (impulse-noise filter): sort, take the middle.
module median5 (
  input  wire [39:0] s,       // five packed samples
  output reg  [7:0]  med
);
  reg [7:0] v [0:4];
  reg [7:0] t;
  integer i, j;
  always @* begin
    for (i = 0; i < 5; i = i + 1)
      v[i] = s[8*i +: 8];
    for (i = 0; i < 4; i = i + 1)
      for (j = 0; j < 4 - i; j = j + 1)
        if (v[j] > v[j+1]) begin
          t = v[j]; v[j] = v[j+1]; v[j+1] = t;
        end
    med = v[2];
  end
endmodule
