// Operand formatter, hand-optimized: one arithmetic shifter on {fill, x}, fill = x's sign only in
// the arithmetic mode, read by both shift modes of the case.
module fmt_unit_v (
  input             clk,
  input      [19:0] x,
  input      [4:0]  n,
  input      [1:0]  mode,
  output reg [19:0] q
);
  wire        fill = ~mode[1] & x[19];
  wire [20:0] wide = $signed({fill, x}) >>> n;
  reg  [19:0] nxt;
  always @(*) begin
    case (mode)
      2'b00: nxt = {x[9:0], x[19:10]};
      2'b01, 2'b10: nxt = wide[19:0];
      default: nxt = ~x;
    endcase
  end
  always @(posedge clk) q <= nxt;
endmodule
