// Burst address step: one adder of (1 << size) on the address with its low size bits cleared.
module burst_step (
  input  [23:0] addr,
  input  [1:0]  size,
  input  [3:0]  len,
  input         wrap,
  output [23:0] next_addr
);
  wire [23:0] align = ~(24'd7 >> (2'd3 - size));
  wire [23:0] step_addr = (addr & align) + (24'd1 << size);
  wire [23:0] wmask = {17'd0, len, 3'b111} >> (2'd3 - size);
  assign next_addr = wrap ? ((addr & ~wmask) | (step_addr & wmask)) : step_addr;
endmodule
