// Intercom talk-bus summer: three signed talker samples summed with saturation.
module talk_sum #(parameter int W = 16) (
  input  logic signed [W-1:0] a,
  input  logic signed [W-1:0] b,
  input  logic signed [W-1:0] c,
  output logic signed [W-1:0] y,
  output logic                clip
);
  // three W-bit operands fit in W+2 bits; compare in that width
  logic signed [W+1:0] s;
  always_comb begin
    s = (W+2)'(a) + (W+2)'(b) + (W+2)'(c);
    clip = (s[W+1:W-1] != {3{s[W-1]}});
    y = clip ? {s[W+1], {(W-1){~s[W+1]}}} : s[W-1:0];
  end
endmodule

module intercom_bus (
  input  logic signed [11:0] t0,
  input  logic signed [11:0] t1,
  input  logic signed [11:0] t2,
  output logic signed [11:0] spk,
  output logic               ovl
);
  talk_sum #(.W(12)) u_sum (.a(t0), .b(t1), .c(t2), .y(spk), .clip(ovl));
endmodule
