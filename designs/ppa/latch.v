// A level-sensitive latch plus a register: latches must map (or fail clearly).
module latch_reg (input clk, input g, input [3:0] d, output reg [3:0] q, output reg [3:0] r);
  always @* if (g) q = d;
  always @(posedge clk) r <= q;
endmodule
