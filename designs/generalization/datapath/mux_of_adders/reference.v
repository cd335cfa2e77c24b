module mux_of_adders (
  input             clk,
  input      [23:0] base,
  input      [23:0] off_a, off_b,
  input             jump,
  output reg [23:0] nxt
);
  always @(posedge clk) nxt <= base + (jump ? off_a : off_b);
endmodule
