module addsub3 (
  input  [15:0] a, b, c, d,
  input  [1:0]  sel,
  output [15:0] y
);
  assign y = (sel == 2'd0) ? a + b :
             (sel == 2'd1) ? a - b :
                             c + d;
endmodule
