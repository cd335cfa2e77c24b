// Fan controller with hysteresis: the next state is one ternary over the state,
// comparing the speed against the upper bound when off and the lower bound when on.
module fan_hyst #(parameter int W = 10) (
  input  logic         clk,
  input  logic         rst_n,
  input  logic [W-1:0] speed,
  input  logic [W-1:0] on_at,
  input  logic [W-1:0] off_at,
  output logic         run
);
  logic run_n;
  always_comb run_n = run ? !(off_at > speed) : (speed >= on_at);
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) run <= 1'b0;
    else        run <= run_n;
endmodule
