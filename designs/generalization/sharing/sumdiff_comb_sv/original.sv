// Butterfly-style output select: the signed lane is x + y or x - y (one bit wider), chosen by a
// mode bit; the arithmetic lives in an always_comb block, the select in a continuous assignment.
module bfly_sel #(parameter int B = 10) (
  input  logic mode,
  input  logic signed [B-1:0] x, y,
  output logic signed [B-1:0] o
);
  logic signed [B:0] p, m;
  always_comb begin
    p = x + y;
    m = x - y;
  end
  assign o = mode ? m[B:1] : p[B:1];
endmodule

module bfly_top (
  input  logic clk,
  input  logic mode,
  input  logic signed [15:0] x, y,
  output logic signed [15:0] o_q
);
  logic signed [15:0] o;
  bfly_sel #(.B(16)) u_sel (.*);
  always_ff @(posedge clk) o_q <= o;
endmodule
