// The hold-off never exceeds HOLD = 20: 5-bit counters.
module retry_holdoff #(
  parameter NL   = 4,
  parameter HOLD = 20
) (
  input               clk,
  input               rst,
  input      [NL-1:0] nak,
  output reg [NL-1:0] may_retry
);
  reg [4:0] wait_cnt [0:NL-1];
  integer l;

  always @(posedge clk) begin
    if (rst) begin
      for (l = 0; l < NL; l = l + 1) wait_cnt[l] <= 5'd0;
    end else begin
      for (l = 0; l < NL; l = l + 1) begin
        if (nak[l])
          wait_cnt[l] <= HOLD;
        else if (wait_cnt[l] != 5'd0)
          wait_cnt[l] <= wait_cnt[l] - 5'd1;
      end
    end
  end

  always @* begin
    for (l = 0; l < NL; l = l + 1) may_retry[l] = (wait_cnt[l] == 5'd0);
  end
endmodule
