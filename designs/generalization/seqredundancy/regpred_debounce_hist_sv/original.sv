// Debouncer: a history of the last four samples and a saturating count of repeated samples.
module debounce_hist (
  input  logic clk,
  input  logic rst_n,
  input  logic sample,
  output logic level,
  output logic settled,
  output logic half_settled,
  output logic [3:0] history
);
  logic [3:0] hist;
  logic [1:0] same_cnt;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      hist     <= '0;
      same_cnt <= 2'd3;
      level    <= 1'b0;
    end else begin
      hist <= {hist[2:0], sample};
      if (sample != hist[0])
        same_cnt <= '0;
      else if (same_cnt != 2'd3)
        same_cnt <= same_cnt + 2'd1;
      if (same_cnt == 2'd3)
        level <= hist[0];
    end
  end

  assign settled      = same_cnt == 2'd3;
  assign half_settled = same_cnt >= 2'd2;
  assign history      = hist;
endmodule
