// Control-word pipe: a 5-bit control word is sampled every third clock (an
// up-counting phase register in the parent) and travels through a generic
// packed shift register (synchronous reset) with taps after 4 and 8 clocks.
module tap_shift #(parameter int W = 8, parameter int N = 4, parameter int T = 2) (
  input  logic         clk,
  input  logic         srst,
  input  logic [W-1:0] d,
  output logic [W-1:0] q_mid,
  output logic [W-1:0] q_end
);
  logic [N*W-1:0] sr;
  always_ff @(posedge clk)
    if (srst) sr <= '0;
    else      sr <= {sr[(N-1)*W-1:0], d};
  assign q_mid = sr[T*W-1 -: W];
  assign q_end = sr[N*W-1 -: W];
endmodule

module ctl_pipe (
  input  logic       clk,
  input  logic       srst,
  input  logic [4:0] ctl_in,
  output logic [4:0] ctl_mid,
  output logic [4:0] ctl_out,
  output logic       phase0
);
  logic [1:0] ph;
  logic [4:0] ctl_q;
  always_ff @(posedge clk)
    if (srst) ph <= 2'd0;
    else      ph <= (ph == 2'd2) ? 2'd0 : ph + 2'd1;
  always_ff @(posedge clk)
    if (srst) ctl_q <= 5'd0;
    else if (ph == 2'd1) ctl_q <= ctl_in;
  assign phase0 = (ph == 2'd0);
  tap_shift #(.W(5), .N(8), .T(4)) u_sr (.clk, .srst, .d(ctl_q), .q_mid(ctl_mid), .q_end(ctl_out));
endmodule
