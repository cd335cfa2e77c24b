module falu (
  input  [15:0] a, b,
  input  [1:0]  op,
  output [15:0] y
);
  function [15:0] calc(input [1:0] o, input [15:0] x, input [15:0] z);
    case (o)
      2'd0: calc = x + z;
      2'd1: calc = x - z;
      2'd2: calc = z - x;
      default: calc = x ^ z;
    endcase
  endfunction
  assign y = calc(op, a, b);
endmodule
