// 12-input voter: majority, tie and "strong" (at least 3 votes ahead) from separate counts of
// the yes and no votes, each counted in a loop.
module voter12 (
  input  [11:0] vote,
  output        majority,
  output        tie,
  output        strong
);
  reg [3:0] yes, no;
  integer i;
  always @(*) begin
    yes = 4'd0;
    no  = 4'd0;
    for (i = 0; i < 12; i = i + 1) begin
      if (vote[i]) yes = yes + 4'd1;
      else         no  = no + 4'd1;
    end
  end
  assign majority = yes > no;
  assign tie      = yes == no;
  assign strong   = (yes >= no + 4'd3) | (no >= yes + 4'd3);
endmodule
