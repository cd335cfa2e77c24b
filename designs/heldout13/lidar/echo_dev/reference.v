// Lidar multi-return deviation: sum of |r_i - ref| over four returns.
module absdev #(parameter W = 16) (
  input  wire [W-1:0] x,
  input  wire [W-1:0] r,
  output wire [W-1:0] d
);
  // one subtraction; its borrow says which way, a conditional negate fixes the sign
  wire [W:0] t = {1'b0, x} - {1'b0, r};
  assign d = t[W] ? (~t[W-1:0] + 1'b1) : t[W-1:0];
endmodule

module echo_dev #(parameter W = 16) (
  input  wire [4*W-1:0] ret,
  input  wire [W-1:0]   ref_d,
  output wire [W+1:0]   dev
);
  wire [W-1:0] d0, d1, d2, d3;
  absdev #(.W(W)) a0 (.x(ret[0*W +: W]), .r(ref_d), .d(d0));
  absdev #(.W(W)) a1 (.x(ret[1*W +: W]), .r(ref_d), .d(d1));
  absdev #(.W(W)) a2 (.x(ret[2*W +: W]), .r(ref_d), .d(d2));
  absdev #(.W(W)) a3 (.x(ret[3*W +: W]), .r(ref_d), .d(d3));
  assign dev = ({2'b00, d0} + {2'b00, d1}) + ({2'b00, d2} + {2'b00, d3});
endmodule

module lidar_dev (
  input  wire [39:0] ret,
  input  wire [9:0]  ref_d,
  output wire [11:0] dev
);
  echo_dev #(.W(10)) u_dev (.ret(ret), .ref_d(ref_d), .dev(dev));
endmodule
