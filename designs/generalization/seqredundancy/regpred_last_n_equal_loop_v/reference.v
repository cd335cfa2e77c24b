// Repeated-symbol detector from the symbol window.
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

  always @(posedge clk) begin
    if (rst)
      hist <= 6'd0;
    else if (valid)
      hist <= {hist[3:0], sym};
  end

  wire eq01 = hist[1:0] == hist[3:2];
  wire eq12 = hist[3:2] == hist[5:4];
  assign triple    = eq01 & eq12;
  assign pair_only = eq01 & ~eq12;
  assign last3     = hist;
endmodule
