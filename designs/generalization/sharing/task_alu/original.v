// accumulator datapath whose next value comes from a task with an if/else-if opcode chain
module tsk (
  input             clk,
  input      [1:0]  mode,
  input      [11:0] p, q,
  output reg [11:0] acc
);
  task step(input [1:0] m, input [11:0] u, input [11:0] v, output [11:0] r);
    begin
      if (m == 2'b00)      r = u + v;
      else if (m == 2'b01) r = u - v;
      else if (m == 2'b10) r = v - u;
      else                 r = u & v;
    end
  endtask
  reg [11:0] nxt;
  always @* step(mode, p, q, nxt);
  always @(posedge clk) acc <= nxt;
endmodule
