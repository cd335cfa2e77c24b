// Ones'-complement checksum of a 4-word (8-byte) pseudo header, as in UDP/IP.
module csum4 (
  input  wire [63:0] words,
  output wire [15:0] csum
);
  function [15:0] oc_add;                // end-around-carry addition
    input [15:0] a, b;
    reg   [16:0] s;
    begin
      s = a + b;
      oc_add = s[15:0] + s[16];
    end
  endfunction
  wire [15:0] s01  = oc_add(words[15:0], words[31:16]);
  wire [15:0] s012 = oc_add(s01, words[47:32]);
  wire [15:0] sum  = oc_add(s012, words[63:48]);
  assign csum = ~sum;
endmodule
