// Butterfly-style output select: one adder computes x + y or x - y.
module bfly_sel #(parameter int B = 10) (
  input  logic mode,
  input  logic signed [B-1:0] x, y,
  output logic signed [B-1:0] o
);
  logic [B:0] s;
  always_comb s = {x[B-1], x} + ({y[B-1], y} ^ {(B+1){mode}}) + (B+1)'(mode);
  assign o = s[B:1];
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
