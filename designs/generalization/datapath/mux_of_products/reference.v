module mux_of_products (
  input  [15:0] sample,
  input  [15:0] coef_a, coef_b,
  input         use_b,
  output [31:0] prod
);
  assign prod = sample * (use_b ? coef_b : coef_a);
endmodule
