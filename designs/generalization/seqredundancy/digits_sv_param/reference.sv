// Percent progress display kept as two decimal digit counters (00..99).
module progress_pct (
  input  logic       clk_i,
  input  logic       rst_ni,
  input  logic       step_i,
  input  logic       clr_i,
  output logic [3:0] tens_o,
  output logic [3:0] ones_o
);
  logic c0;
  assign c0 = (ones_o == 4'd9);
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      tens_o <= '0;
      ones_o <= '0;
    end else if (clr_i) begin
      tens_o <= '0;
      ones_o <= '0;
    end else if (step_i) begin
      ones_o <= c0 ? 4'd0 : ones_o + 4'd1;
      if (c0) tens_o <= (tens_o == 4'd9) ? 4'd0 : tens_o + 4'd1;
    end
  end
endmodule
