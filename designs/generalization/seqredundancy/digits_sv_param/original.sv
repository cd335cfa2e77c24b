// Percent progress display: a 0..MAX-1 step counter (localparam) shown as two decimal digits.
module progress_pct (
  input  logic       clk_i,
  input  logic       rst_ni,
  input  logic       step_i,
  input  logic       clr_i,
  output logic [3:0] tens_o,
  output logic [3:0] ones_o
);
  localparam int MAX = 100;            // steps per run
  localparam int CW  = $clog2(MAX);
  logic [CW-1:0] steps_q;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      steps_q <= '0;
    end else if (clr_i) begin
      steps_q <= '0;
    end else if (step_i) begin
      if (steps_q == CW'(MAX - 1)) steps_q <= '0;
      else                         steps_q <= steps_q + 1'b1;
    end
  end

  always_comb begin
    tens_o = 4'(steps_q / 10);
    ones_o = 4'(steps_q % 10);
  end
endmodule
