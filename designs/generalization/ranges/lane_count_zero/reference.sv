// The count is at most 7 + 3 = 10 < 16 (it never wraps), so it is zero exactly when no input bit is set.
module lane_status (
  input  logic       clk,
  input  logic       rst_n,
  input  logic [6:0] lane_busy,
  input  logic [1:0] dma_busy,
  output logic       many,
  output logic       all_idle,
  output logic       any_busy_q
);
  logic [3:0] n_busy;
  assign many = n_busy > 4'd5;
  always_comb begin
    n_busy = lane_busy[0] + lane_busy[1] + lane_busy[2] + lane_busy[3]
           + lane_busy[4] + lane_busy[5] + lane_busy[6] + dma_busy;
  end
  assign all_idle = ~(|lane_busy | |dma_busy);

  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) any_busy_q <= 1'b0;
    else        any_busy_q <= |lane_busy | |dma_busy;
endmodule
