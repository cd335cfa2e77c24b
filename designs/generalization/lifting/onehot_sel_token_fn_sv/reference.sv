// A rotating one-hot service token (zero when idle) picks one of N lanes: an AND-OR of the lanes
// under the token bits (lane 0 when the token is zero, as the encoder gives index 0 then).
module tok_lane_pick #(parameter int N = 8, parameter int W = 10) (
  input  logic         clk,
  input  logic         rst_n,
  input  logic         start,
  input  logic         stop,
  input  logic         adv,
  input  logic [N-1:0][W-1:0] lane,
  output logic [W-1:0] q
);
  logic [N-1:0] tok;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n)     tok <= '0;
    else if (start) tok <= {{(N-1){1'b0}}, 1'b1};
    else if (stop)  tok <= '0;
    else if (adv)   tok <= {tok[N-2:0], tok[N-1]};
  end

  always_comb begin
    q = lane[0] & {W{~|tok[N-1:1]}};
    for (int i = 1; i < N; i++)
      q = q | (lane[i] & {W{tok[i]}});
  end
endmodule
