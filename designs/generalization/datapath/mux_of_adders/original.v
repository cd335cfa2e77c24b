module mux_of_adders (
  input             clk,
  input      [23:0] base,
  input      [23:0] off_a, off_b,
  input             jump,
  output reg [23:0] nxt
);
  always @(posedge clk)
    if (jump) nxt <= base + off_a;
    else      nxt <= base + off_b;
endmodule
