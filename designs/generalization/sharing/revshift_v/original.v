// Barrel alignment unit: a word is moved up (to the MSB side) or down by k places.
module align_unit #(parameter D = 8) (
  input  wire [D-1:0] w,
  input  wire [3:0] k,
  input  wire up,
  output wire [D-1:0] r
);
  wire [D-1:0] towards_msb;
  wire [D-1:0] towards_lsb;
  assign towards_msb = w << k;
  assign towards_lsb = w >> k;
  assign r = up ? towards_msb : towards_lsb;
endmodule

module align_top (
  input  wire clk,
  input  wire [11:0] w,
  input  wire [3:0] k,
  input  wire up,
  output reg  [11:0] r_q
);
  wire [11:0] r;
  align_unit #(.D(12)) u_al (.w(w), .k(k), .up(up), .r(r));
  always @(posedge clk) r_q <= r;
endmodule
