// Packed pixel adder: four 5-bit colour lanes (RGB555-style plus alpha) added lane by lane in
// generate-loop adders, or the whole 20-bit word when join_n is high.
module lane_add5 #(parameter N = 4, parameter L = 8) (
  input  [N*L-1:0] a,
  input  [N*L-1:0] b,
  input            join_n,
  output [N*L-1:0] s
);
  wire [N*L-1:0] lanes;
  genvar i;
  generate
    for (i = 0; i < N; i = i + 1) begin : g_lane
      assign lanes[i*L +: L] = a[i*L +: L] + b[i*L +: L];
    end
  endgenerate
  wire [N*L-1:0] whole = a + b;
  assign s = join_n ? lanes : whole;
endmodule

module px_add (
  input  [19:0] p,
  input  [19:0] q,
  input         join_n,
  output [19:0] r
);
  lane_add5 #(.N(4), .L(5)) u_add (.a(p), .b(q), .join_n(join_n), .s(r));
endmodule
