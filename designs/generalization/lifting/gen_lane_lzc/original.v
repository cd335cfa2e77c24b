module lane_lzc (
  input  [31:0] words,
  output [9:0]  lz
);
  genvar g;
  generate
    for (g = 0; g < 2; g = g + 1) begin : lane
      wire [15:0] w = words[g*16 +: 16];
      reg  [4:0]  cnt;
      reg         seen;
      integer     i;
      always @* begin
        cnt  = 5'd0;
        seen = 1'b0;
        for (i = 15; i >= 0; i = i - 1)
          if (!seen) begin
            if (w[i]) seen = 1'b1;
            else      cnt  = cnt + 5'd1;
          end
      end
      assign lz[g*5 +: 5] = cnt;
    end
  endgenerate
endmodule
