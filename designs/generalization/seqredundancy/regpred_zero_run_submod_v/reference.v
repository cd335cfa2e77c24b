// Line idle detector from the window alone.
module line_idle (
  input        clk,
  input        rst,
  input        en,
  input        din,
  output       idle,
  output       gap2,
  output [5:0] recent
);
  reg [5:0] win;

  always @(posedge clk)
    if (rst)
      win <= 6'b111111;
    else if (en)
      win <= {win[4:0], din};

  assign idle   = ~|win;
  assign gap2   = (win[2:0] == 3'b100);
  assign recent = win;
endmodule
