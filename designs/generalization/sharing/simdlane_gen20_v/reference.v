// Packed pixel adder: four 5-bit colour lanes (RGB555-style plus alpha) added lane by lane in
// generate-loop adders, or the whole 20-bit word when join_n is high.
module lane_add5 #(parameter N = 4, parameter L = 8) (
  input  [N*L-1:0] a,
  input  [N*L-1:0] b,
  input            join_n,
  output [N*L-1:0] s
);
  // reference: one chain of lane adders, the carry between lanes killed when join_n is high
  wire [N:0] c;
  assign c[0] = 1'b0;
  genvar i;
  generate
    for (i = 0; i < N; i = i + 1) begin : g_lane
      wire [L:0] t = {1'b0, a[i*L +: L]} + {1'b0, b[i*L +: L]} + {{L{1'b0}}, c[i]};
      assign s[i*L +: L] = t[L-1:0];
      assign c[i+1] = t[L] & ~join_n;
    end
  endgenerate
endmodule

module px_add (
  input  [19:0] p,
  input  [19:0] q,
  input         join_n,
  output [19:0] r
);
  lane_add5 #(.N(4), .L(5)) u_add (.a(p), .b(q), .join_n(join_n), .s(r));
endmodule
