// Ones'-complement checksum of a 8-byte block (four 16-bit words), as a function with a loop;
// every step does its own end-around carry.
module blk_csum (
  input  wire [63:0] data,
  output wire [15:0]  csum
);
  function [15:0] csum4w;
    input [63:0] d;
    reg   [16:0]  s;
    integer       i;
    begin
      s = 17'd0;
      for (i = 0; i < 4; i = i + 1) begin
        s = s[15:0] + d[16*i +: 16];
        s = s[15:0] + s[16];
      end
      csum4w = s[15:0];
    end
  endfunction

  assign csum = ~csum4w(data);
endmodule
