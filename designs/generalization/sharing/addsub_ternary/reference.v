module addsub3 (
  input  [15:0] a, b, c, d,
  input  [1:0]  sel,
  output [15:0] y
);
  wire        pick_ab = sel[1] == 1'b0;
  wire        sub     = sel == 2'd1;
  wire [15:0] x = pick_ab ? a : c;
  wire [15:0] z = pick_ab ? b : d;
  assign y = x + (z ^ {16{sub}}) + sub;
endmodule
