// Two scrambled serial lanes: the two identically seeded, identically advanced generators were always
// equal, so one generator instance feeds both lanes.
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
  input  logic [6:0] p,
  output logic [1:0] q
);
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
  logic [6:0] p;
  prbs7 #(.INIT(7'h2B)) u_gen (.clk, .rst, .adv, .s(p));
  lane u_a (.clk, .rst, .adv, .d(d0), .p, .q(q0));
  lane u_b (.clk, .rst, .adv, .d(d1), .p, .q(q1));
endmodule
