module lane_lzc (
  input  [31:0] words,
  output [9:0]  lz
);
  genvar g;
  generate
    for (g = 0; g < 2; g = g + 1) begin : lane
      wire [15:0] w = words[g*16 +: 16];
      reg  [4:0]  cnt;
      integer     i;
      // the highest set bit wins: scan upwards, the last hit overrides
      always @* begin
        cnt = 5'd16;
        for (i = 0; i < 16; i = i + 1)
          if (w[i]) cnt = 5'd15 - i[4:0];
      end
      assign lz[g*5 +: 5] = cnt;
    end
  endgenerate
endmodule
