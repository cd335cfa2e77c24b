module bank_select (
  input         cs_n,
  input  [3:0]  bank,
  output [15:0] bank_sel
);
  genvar g;
  generate
    for (g = 0; g < 16; g = g + 1) begin : g_sel
      assign bank_sel[g] = ~cs_n & (bank == g);
    end
  endgenerate
endmodule
