// Compare-exchange of two 24-bit {priority, tag} entries for a sorter stage, written per output.
module cx_stage (
  input             clk,
  input      [23:0] e0,
  input      [23:0] e1,
  output reg [23:0] first,
  output reg [23:0] second
);
  always @(posedge clk) begin
    first  <= (e1 > e0) ? e1 : e0;
    second <= (e0 > e1) ? e1 : e0;
  end
endmodule
