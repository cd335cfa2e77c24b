// Burst checker: the budget was always MAX_BEATS - min(beats, MAX_BEATS), so 'over' reads the beat
// count (beats >= MAX_BEATS) and the budget instance goes.
module beat_count #(parameter int W = 6) (
  input  logic         clk,
  input  logic         rst_n,
  input  logic         sob,
  input  logic         beat,
  output logic [W-1:0] beats
);
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) beats <= '0;
    else if (sob) beats <= '0;
    else if (beat && beats != '1) beats <= beats + 1'b1;
  end
endmodule

module burst_chk (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       sob,
  input  logic       beat,
  output logic [5:0] beats,
  output logic       over
);
  beat_count #(.W(6)) u_cnt (.clk, .rst_n, .sob, .beat, .beats);
  assign over = beats >= 6'd24;
endmodule
