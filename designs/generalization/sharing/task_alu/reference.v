// accumulator datapath: one adder with operand swap and inversion inside the task
module tsk (
  input             clk,
  input      [1:0]  mode,
  input      [11:0] p, q,
  output reg [11:0] acc
);
  task step(input [1:0] m, input [11:0] u, input [11:0] v, output [11:0] r);
    reg        sub;
    reg [11:0] s;
    begin
      sub = m[0] | m[1];
      s   = (m[1] ? v : u) + ((m[1] ? u : v) ^ {12{sub}}) + sub;
      r   = (m == 2'b11) ? (u & v) : s;
    end
  endtask
  reg [11:0] nxt;
  always @* step(mode, p, q, nxt);
  always @(posedge clk) acc <= nxt;
endmodule
