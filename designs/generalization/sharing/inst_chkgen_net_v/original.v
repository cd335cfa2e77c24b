// 12-bit hash check of a 32-bit word (each check bit the parity of a rotated mask of the word),
// computed for the store path and again for the load path of a single-ported buffer; a load wins
module chk12 #(parameter ROT = 1) (d, c);
  input  [31:0] d;
  output [11:0] c;
  function [11:0] fold;
    input [31:0] w;
    integer b;
    reg [31:0] m;
    begin
      m = 32'hb4c396e1;
      for (b = 0; b < 12; b = b + 1) begin
        fold[b] = ^(w & m);
        m = {m[31-ROT:0], m[31:32-ROT]};
      end
    end
  endfunction
  assign c = fold(d);
endmodule

module buf_port (clk, rst, ld, st, st_word, ld_word, ld_tag, st_tag, ld_bad, ld_syn);
  input clk, rst, ld, st;
  input [31:0] st_word, ld_word;
  input [11:0] ld_tag;
  output reg [11:0] st_tag, ld_syn;
  output reg ld_bad;
  wire do_st;
  wire [11:0] c_st, c_ld;
  wire [11:0] diff;
  assign do_st = st & !ld;
  chk12 #(5) g_st (st_word, c_st);
  chk12 #(5) g_ld (ld_word, c_ld);
  assign diff = ld_tag ^ c_ld;
  always @(posedge clk)
    if (rst) begin
      st_tag <= 12'h000; ld_syn <= 12'h000; ld_bad <= 1'b0;
    end else begin
      if (do_st) st_tag <= c_st;
      if (ld) ld_syn <= diff;
      ld_bad <= ld && (diff != 12'h000);
    end
endmodule
