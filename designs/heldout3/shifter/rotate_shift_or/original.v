// Rotate-left unit (crypto/hash helper), parameterized width.
module rotl #(
  parameter W = 32,
  parameter SW = $clog2(W)
) (
  input  wire [W-1:0]  x,
  input  wire [SW-1:0] n,
  output wire [W-1:0]  y
);
  wire [SW:0] rn = W - n;
  assign y = (n == 0) ? x : ((x << n) | (x >> rn));
endmodule

module rotl_unit (
  input  wire [23:0] a,
  input  wire [4:0]  amt,
  input  wire        dir_right,
  output wire [23:0] y
);
  // right rotation by k == left rotation by W-k
  wire [4:0] la = dir_right ? ((amt == 5'd0) ? 5'd0 : 5'd24 - amt) : amt;
  rotl #(.W(24), .SW(5)) u_rot (.x(a), .n(la), .y(y));
endmodule
