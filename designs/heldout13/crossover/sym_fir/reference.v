// Loudspeaker crossover: 4-tap linear-phase (symmetric) FIR with loadable coefficients.
module sym_fir4 #(parameter W = 12, parameter CW = 10) (
  input  wire                 clk,
  input  wire                 rst,
  input  wire                 en,
  input  wire signed [W-1:0]  x,
  input  wire signed [CW-1:0] h0,
  input  wire signed [CW-1:0] h1,
  output reg  signed [W+CW+1:0] y
);
  reg signed [W-1:0] x1, x2, x3;
  // symmetric taps: pre-add the sample pairs, two multipliers instead of four
  wire signed [W+CW+1:0] s0 = x + x3;
  wire signed [W+CW+1:0] s1 = x1 + x2;
  wire signed [W+CW+1:0] q0 = s0 * h0;
  wire signed [W+CW+1:0] q1 = s1 * h1;
  always @(posedge clk) begin
    if (rst) begin
      x1 <= 0; x2 <= 0; x3 <= 0; y <= 0;
    end else if (en) begin
      x1 <= x; x2 <= x1; x3 <= x2;
      y  <= q0 + q1;
    end
  end
endmodule

module xover_lp (
  input  wire               clk,
  input  wire               rst,
  input  wire               en,
  input  wire signed [7:0]  pcm,
  input  wire signed [5:0]  c0,
  input  wire signed [5:0]  c1,
  output wire signed [15:0] lp
);
  sym_fir4 #(.W(8), .CW(6)) u_fir (.clk(clk), .rst(rst), .en(en), .x(pcm), .h0(c0), .h1(c1), .y(lp));
endmodule
