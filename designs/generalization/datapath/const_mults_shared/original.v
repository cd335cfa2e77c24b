module const_mults_shared (
  input  [11:0] s,
  output [15:0] g5, g13, g21
);
  function [15:0] scale(input [11:0] v, input [15:0] k);
    scale = v * k;
  endfunction
  assign g5  = scale(s, 16'd5);
  assign g13 = scale(s, 16'd13);
  assign g21 = scale(s, 16'd21);
endmodule
