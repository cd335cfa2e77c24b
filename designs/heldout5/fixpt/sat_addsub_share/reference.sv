// One adder on a conditionally inverted operand; overflow from the two top sum bits.
module sat_addsub #(
  parameter int W = 16
) (
  input  logic signed [W-1:0] a,
  input  logic signed [W-1:0] b,
  input  logic                sub,
  output logic signed [W-1:0] y,
  output logic                sat
);
  logic [W:0] s;
  always_comb begin
    s   = {a[W-1], a} + ({b[W-1], b} ^ {(W+1){sub}}) + sub;
    sat = s[W] ^ s[W-1];
    y   = sat ? {s[W], {(W-1){~s[W]}}} : s[W-1:0];
  end
endmodule

module mixer_lane (
  input  logic               clk,
  input  logic signed [19:0] x0,
  input  logic signed [19:0] x1,
  input  logic               diff_mode,
  output logic signed [19:0] out,
  output logic               clip
);
  logic signed [19:0] y;
  logic               s;
  sat_addsub #(.W(20)) u_as (.a(x0), .b(x1), .sub(diff_mode), .y(y), .sat(s));
  always_ff @(posedge clk) begin
    out  <= y;
    clip <= s;
  end
endmodule
