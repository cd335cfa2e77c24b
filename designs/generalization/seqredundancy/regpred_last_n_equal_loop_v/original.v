// Repeated-symbol detector: a window of the last three 2-bit symbols (shifted in a loop) and a
// count of consecutive repeats.
module sym_repeat #(parameter RUN = 2) (
  input            clk,
  input            rst,
  input            valid,
  input      [1:0] sym,
  output           triple,
  output           pair_only,
  output     [5:0] last3
);
  reg [5:0] hist;
  reg [2:0] rep;
  integer i;

  always @(posedge clk) begin
    if (rst) begin
      hist <= 6'd0;
      rep  <= 3'd4;
    end else if (valid) begin
      for (i = 2; i > 0; i = i - 1)
        hist[2*i +: 2] <= hist[2*(i-1) +: 2];
      hist[1:0] <= sym;
      if (sym == hist[1:0])
        rep <= (rep == 3'd4) ? rep : rep + 3'd1;
      else
        rep <= 3'd0;
    end
  end

  assign triple    = rep >= RUN;
  assign pair_only = (rep > 0) && (rep < RUN);
  assign last3     = hist;
endmodule
