// 12-input voter: no = 12 - yes, so every flag is a compare of one count with a constant.
module voter12 (
  input  [11:0] vote,
  output        majority,
  output        tie,
  output        strong
);
  reg [3:0] yes;
  integer i;
  always @(*) begin
    yes = 4'd0;
    for (i = 0; i < 12; i = i + 1)
      yes = yes + vote[i];
  end
  assign majority = yes > 4'd6;
  assign tie      = yes == 4'd6;
  assign strong   = (yes > 4'd7) | (yes < 4'd5);
endmodule
