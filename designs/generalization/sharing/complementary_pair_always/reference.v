// One comparator decides both outputs.
module cx_stage (
  input             clk,
  input      [23:0] e0,
  input      [23:0] e1,
  output reg [23:0] first,
  output reg [23:0] second
);
  wire sw = e1 > e0;
  always @(posedge clk) begin
    first  <= sw ? e1 : e0;
    second <= sw ? e0 : e1;
  end
endmodule
