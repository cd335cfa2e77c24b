// Leading-zero counter module (scan from the MSB) and a normalizer that shifts by its count.
module lzc16 (
  input  wire [15:0] x,
  output reg  [4:0]  cnt
);
  integer i;
  reg done;
  always @* begin
    cnt  = 5'd0;
    done = 1'b0;
    for (i = 15; i >= 0; i = i - 1) begin
      if (!done && !x[i]) cnt = cnt + 5'd1;
      if (x[i]) done = 1'b1;
    end
  end
endmodule

module norm16_hier_lzc (
  input  wire [15:0] frac,
  output wire [15:0] norm,
  output wire [4:0]  lz
);
  lzc16 u_lzc (.x(frac), .cnt(lz));
  assign norm = frac << lz;
endmodule
