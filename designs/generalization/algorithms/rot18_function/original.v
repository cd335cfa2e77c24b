// 18-bit rotate-left inside a function; amounts past 18 give zero (both shifts run out).
module rot18_function (
  input  wire [17:0] a,
  input  wire [4:0]  n,
  input  wire [17:0] key,
  output wire [17:0] y
);
  function [17:0] rotl18;
    input [17:0] v;
    input [4:0]  s;
    begin
      rotl18 = (v << s) | (v >> (18 - s));
    end
  endfunction
  wire [17:0] r = rotl18(a, n);
  assign y = r ^ key;
endmodule
