// Level gate (reference: compares distributed over the channels).
module level_gate (
  input  logic clk,
  input  logic [9:0] ch0, ch1, thr,
  output logic quiet_q, clip_q, above_q
);
  always_ff @(posedge clk) begin
    quiet_q <= (ch0 < 10'd12) && (ch1 < 10'd12);
    clip_q  <= (ch0 > 10'd1000) && (ch1 > 10'd1000);
    above_q <= (ch0 >= thr) && (ch1 >= thr);
  end
endmodule
