// Burst address step for a 24-bit bus: next address aligned to the beat size (1, 2, 4 or 8 bytes);
// WRAP bursts keep the address bits above the wrap boundary (len beats of the size).
module burst_step (
  input  [23:0] addr,
  input  [1:0]  size,
  input  [3:0]  len,
  input         wrap,
  output [23:0] next_addr
);
  wire [23:0] step_addr = (size == 2'd3) ? (addr & 24'hfffff8) + 24'd8 :
                          (size == 2'd2) ? (addr & 24'hfffffc) + 24'd4 :
                          (size == 2'd1) ? (addr & 24'hfffffe) + 24'd2 :
                                           addr + 24'd1;
  wire [23:0] wmask = {17'd0, len, 3'b111} >> (2'd3 - size);
  assign next_addr = wrap ? ((addr & ~wmask) | (step_addr & wmask)) : step_addr;
endmodule
