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
  wire signed [W+CW+1:0] p0 = x  * h0;
  wire signed [W+CW+1:0] p1 = x1 * h1;
  wire signed [W+CW+1:0] p2 = x2 * h1;
  wire signed [W+CW+1:0] p3 = x3 * h0;
  always @(posedge clk) begin
    if (rst) begin
      x1 <= 0; x2 <= 0; x3 <= 0; y <= 0;
    end else if (en) begin
      x1 <= x; x2 <= x1; x3 <= x2;
      y  <= p0 + p1 + p2 + p3;
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
