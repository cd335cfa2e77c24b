// Stereo mid/side tap for a meter: per sample, the selected output is either mid = L + R or
// side = L - R (both halved), chosen by a control bit.
module ms_tap #(parameter int W = 16) (
  input  logic clk, rst,
  input  logic valid,
  input  logic side_sel,
  input  logic signed [W-1:0] l, r,
  output logic signed [W-1:0] y
);
  logic signed [W:0] mid, side;
  always_comb begin
    mid  = l + r;
    side = l - r;
  end
  always_ff @(posedge clk) begin
    if (rst) y <= '0;
    else if (valid) y <= side_sel ? side[W:1] : mid[W:1];
  end
endmodule

module ms_meter (
  input  logic clk, rst, valid, side_sel,
  input  logic signed [19:0] l, r,
  output logic signed [19:0] y
);
  ms_tap #(.W(20)) u_tap (.*);
endmodule
