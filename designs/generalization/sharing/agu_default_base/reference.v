// One adder: index + stride is written stride + index, so the index is the second operand in both
// index modes; the first operand is the stride only for the post-increment mode, the second is
// the displacement, the index or 0 (plain base).
module agu_next (
  input  wire [1:0]  mode,
  input  wire [15:0] base,
  input  wire [15:0] idx,
  input  wire [15:0] stride,
  input  wire [7:0]  disp,
  output wire [15:0] addr
);
  wire [15:0] a = (mode == 2'd2) ? stride : base;
  wire [15:0] b = (mode[0] ^ mode[1]) ? idx : mode[0] ? 16'd0 : {{8{disp[7]}}, disp};
  assign addr = a + b;
endmodule
