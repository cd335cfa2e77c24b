// Loudest of three signed 10-bit channels: index (first on ties) from a function, peak value separately.
module loudest3 (
  input  signed [9:0] s0, s1, s2,
  output        [1:0] ch,
  output signed [9:0] peak
);
  function [1:0] pick3;
    input signed [9:0] a, b, c;
    begin
      if (a >= b && a >= c)  pick3 = 2'd0;
      else if (b >= c)       pick3 = 2'd1;
      else                   pick3 = 2'd2;
    end
  endfunction
  assign ch   = pick3(s0, s1, s2);
  assign peak = (s0 >= s1 && s0 >= s2) ? s0 : (s1 >= s2) ? s1 : s2;
endmodule
