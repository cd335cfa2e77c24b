// Two scrambled serial lanes: each lane wraps its own PRBS-7 generator instance (same seed, same
// advance) and XORs its data with it, so the two generators always hold the same state.
module prbs7 #(parameter logic [6:0] INIT = 7'h7F) (
  input  logic clk, rst, adv,
  output logic [6:0] s
);
  always_ff @(posedge clk) begin
    if (rst) s <= INIT;
    else if (adv) s <= {s[5:0], s[6] ^ s[5]};
  end
endmodule

module lane (
  input  logic clk, rst, adv,
  input  logic [1:0] d,
  output logic [1:0] q
);
  logic [6:0] p;
  prbs7 #(.INIT(7'h2B)) u_gen (.clk, .rst, .adv, .s(p));
  always_ff @(posedge clk) begin
    if (rst) q <= '0;
    else if (adv) q <= d ^ p[1:0];
  end
endmodule

module dual_lane (
  input  logic clk, rst, adv,
  input  logic [1:0] d0, d1,
  output logic [1:0] q0, q1
);
  lane u_a (.clk, .rst, .adv, .d(d0), .q(q0));
  lane u_b (.clk, .rst, .adv, .d(d1), .q(q1));
endmodule
