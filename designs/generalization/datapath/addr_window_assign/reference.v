// Two address windows: offset = addr - base (its borrow says below base), hit = no borrow and offset < len.
module addr_window (
  input  [15:0] addr,
  input  [15:0] base0, len0,
  input  [15:0] base1, len1,
  output        hit0, hit1,
  output [1:0]  sel
);
  wire [16:0] off0 = {1'b0, addr} - {1'b0, base0};
  wire [16:0] off1 = {1'b0, addr} - {1'b0, base1};
  assign hit0 = !off0[16] && (off0[15:0] < len0);
  assign hit1 = !off1[16] && (off1[15:0] < len1);
  assign sel  = hit0 ? 2'd1 : hit1 ? 2'd2 : 2'd0;
endmodule
