// CRC-8 (x^8+x^2+x+1), byte-parallel; INV=1 keeps the ones-complemented value
module crc8_unit #(parameter INV = 0) (
  input clk, input rst, input clr, input en, input [7:0] d,
  output reg [7:0] crc
);
  function [7:0] step;
    input [7:0] c;
    input [7:0] b;
    integer k;
    reg [7:0] r;
    begin
      r = c ^ b;
      for (k = 0; k < 8; k = k + 1)
        r = r[7] ? ((r << 1) ^ 8'h07) : (r << 1);
      step = r;
    end
  endfunction
  wire [7:0] init = INV ? 8'h00 : 8'hFF;
  wire [7:0] cur  = INV ? ~crc : crc;
  wire [7:0] nxt  = step(cur, d);
  always @(posedge clk)
    if (rst || clr) crc <= init;
    else if (en)    crc <= INV ? ~nxt : nxt;
endmodule

module crc8_rxtx (
  input clk, input rst, input clr, input en, input [7:0] d,
  output [7:0] fcs, output good
);
  wire [7:0] c, cn;
  crc8_unit #(.INV(0)) u_chk (.clk(clk), .rst(rst), .clr(clr), .en(en), .d(d), .crc(c));
  assign cn = ~c;
  assign fcs  = cn;
  assign good = (c == 8'h00);
endmodule
