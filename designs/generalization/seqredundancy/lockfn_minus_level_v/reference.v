// Key statistics, reference: from reset every release follows a press, so releases = presses - key_q.
module key_stats (
  input            clk,
  input            rst_n,
  input            key_raw,
  output reg [9:0] presses,
  output     [9:0] releases,
  output reg       key_q
);
  reg key_s;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      key_s   <= 1'b0;
      key_q   <= 1'b0;
      presses <= 10'd0;
    end else begin
      key_s <= key_raw;
      key_q <= key_s;
      if (key_s & ~key_q) presses <= presses + 1'b1;
    end
  assign releases = presses - key_q;
endmodule
