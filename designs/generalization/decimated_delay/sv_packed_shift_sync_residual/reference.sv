// Control-word pipe (reference): ctl_q changes only after ph == 1, i.e. in
// the cycles where ph becomes 2; 8 = 2*3 + 2 clocks are two stages loaded at
// ph == 1 plus two plain stages, 4 = 3 + 1 clocks one loaded stage plus one.
module ctl_pipe (
  input  logic       clk,
  input  logic       srst,
  input  logic [4:0] ctl_in,
  output logic [4:0] ctl_mid,
  output logic [4:0] ctl_out,
  output logic       phase0
);
  logic [1:0] ph;
  logic [4:0] ctl_q, e0, e1, m1, p1, p2;
  always_ff @(posedge clk)
    if (srst) ph <= 2'd0;
    else      ph <= (ph == 2'd2) ? 2'd0 : ph + 2'd1;
  always_ff @(posedge clk)
    if (srst) ctl_q <= 5'd0;
    else if (ph == 2'd1) ctl_q <= ctl_in;
  always_ff @(posedge clk)
    if (srst) begin
      e0 <= '0; e1 <= '0; m1 <= '0; p1 <= '0; p2 <= '0;
    end else begin
      if (ph == 2'd1) begin e0 <= ctl_q; e1 <= e0; end
      m1 <= e0;
      p1 <= e1;
      p2 <= p1;
    end
  assign phase0 = (ph == 2'd0);
  assign ctl_mid = m1;
  assign ctl_out = p2;
endmodule
