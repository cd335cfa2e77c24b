// One comparator: carry of level + ~(st ? lim_lo : lim_hi) + st (level > lim_hi in LOW, level >= lim_lo in HIGH).
module level_fsm (
  input            clk,
  input            rst,
  input      [9:0] level,
  input      [9:0] lim_hi,
  input      [9:0] lim_lo,
  output reg       alarm,
  output reg [7:0] events
);
  reg st;
  wire [10:0] s = {1'b0, level} + {1'b0, ~(st ? lim_lo : lim_hi)} + st;
  always @(posedge clk) begin
    if (rst) begin
      st <= 1'b0;
      events <= 8'd0;
    end else begin
      if (!st && s[10]) events <= events + 8'd1;
      st <= s[10];
    end
  end
  always @* alarm = st;
endmodule
