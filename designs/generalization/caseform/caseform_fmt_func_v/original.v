// Operand formatter: a function picks a half swap, an arithmetic or a logical right shift, or the
// complement; the result is registered.
module fmt_unit_v (
  input             clk,
  input      [19:0] x,
  input      [4:0]  n,
  input      [1:0]  mode,
  output reg [19:0] q
);
  function [19:0] fmt;
    input [19:0] v;
    input [4:0]  k;
    input [1:0]  m;
    begin
      case (m)
        2'b00: fmt = {v[9:0], v[19:10]};
        2'b01: fmt = $signed(v) >>> k;
        2'b10: fmt = v >> k;
        default: fmt = ~v;
      endcase
    end
  endfunction
  always @(posedge clk) q <= fmt(x, n, mode);
endmodule
