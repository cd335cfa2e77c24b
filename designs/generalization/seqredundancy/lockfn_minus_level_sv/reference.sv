// Burst statistics, reference: every end follows a start, so ends = starts - (level seen last).
module burst_stats (
  input  logic        clk,
  input  logic        rst,
  input  logic        active,
  output logic [13:0] starts,
  output logic [13:0] ends
);
  logic lvl_d;
  always_ff @(posedge clk) begin
    if (rst) begin
      lvl_d  <= 1'b0;
      starts <= '0;
    end else begin
      lvl_d  <= active;
      starts <= starts + 14'(active & ~lvl_d);
    end
  end
  assign ends = starts - 14'(lvl_d);
endmodule
