// Two address windows (base, length) checked against one bus address; the first hit wins.
module addr_window (
  input  [15:0] addr,
  input  [15:0] base0, len0,
  input  [15:0] base1, len1,
  output        hit0, hit1,
  output [1:0]  sel
);
  wire [16:0] end0 = base0 + len0;
  wire [16:0] end1 = base1 + len1;
  assign hit0 = (addr >= base0) & ({1'b0, addr} < end0);
  assign hit1 = ({1'b0, addr} < end1) && !(addr < base1);
  assign sel  = hit0 ? 2'd1 : hit1 ? 2'd2 : 2'd0;
endmodule
