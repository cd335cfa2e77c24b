// Burst checker: a beat counter (saturating at its all-ones) and, in a sibling instance, a budget
// that starts at MAX_BEATS at each start of burst and counts down to 0 with every beat; 'over' is
// raised when the budget is spent. The budget is always MAX_BEATS - min(beats, MAX_BEATS).
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

module beat_budget #(parameter int W = 6, parameter int MAX_BEATS = 16) (
  input  logic clk,
  input  logic rst_n,
  input  logic sob,
  input  logic beat,
  output logic spent
);
  logic [W-1:0] left;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) left <= W'(MAX_BEATS);
    else if (sob) left <= W'(MAX_BEATS);
    else if (beat) left <= (left == '0) ? '0 : left - 1'b1;
  end
  assign spent = left == '0;
endmodule

module burst_chk (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       sob,
  input  logic       beat,
  output logic [5:0] beats,
  output logic       over
);
  beat_count  #(.W(6))                 u_cnt (.clk, .rst_n, .sob, .beat, .beats);
  beat_budget #(.W(6), .MAX_BEATS(24)) u_bud (.clk, .rst_n, .sob, .beat, .spent(over));
endmodule
