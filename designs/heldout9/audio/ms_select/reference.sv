// Stereo mid/side tap for a meter: per sample, the selected output is either mid = L + R or
// side = L - R (both halved), chosen by a control bit: one adder with R conditionally inverted.
module ms_tap #(parameter int W = 16) (
  input  logic clk, rst,
  input  logic valid,
  input  logic side_sel,
  input  logic signed [W-1:0] l, r,
  output logic signed [W-1:0] y
);
  logic signed [W:0] s;
  always_comb s = {l[W-1], l} + ({r[W-1], r} ^ {(W+1){side_sel}}) + (W+1)'(side_sel);
  always_ff @(posedge clk) begin
    if (rst) y <= '0;
    else if (valid) y <= s[W:1];
  end
endmodule

module ms_meter (
  input  logic clk, rst, valid, side_sel,
  input  logic signed [19:0] l, r,
  output logic signed [19:0] y
);
  ms_tap #(.W(20)) u_tap (.*);
endmodule
