// Level gate: the lower of two channels (min in a child instance) and the higher (written >= in an
// always_comb) compared with thresholds.
module lowsel #(parameter int W = 10) (input logic [W-1:0] a, b, output logic [W-1:0] y);
  assign y = (b <= a) ? b : a;
endmodule

module level_gate (
  input  logic clk,
  input  logic [9:0] ch0, ch1, thr,
  output logic quiet_q, clip_q, above_q
);
  logic [9:0] lo, hi;
  lowsel #(.W(10)) u_lo (.a(ch0), .b(ch1), .y(lo));
  always_comb hi = (ch0 >= ch1) ? ch0 : ch1;
  always_ff @(posedge clk) begin
    quiet_q <= hi < 10'd12;
    clip_q  <= lo > 10'd1000;
    above_q <= lo >= thr;
  end
endmodule
