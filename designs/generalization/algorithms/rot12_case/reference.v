// Rotate-left of a 12-bit word: one 2:1 mux layer per amount bit (1, 2, 4, 8), zero for codes 12..15.
module rot12_case (
  input  wire [11:0] x,
  input  wire [3:0]  amt,
  output wire [11:0] y
);
  wire [11:0] s1 = amt[0] ? {x[10:0], x[11]}     : x;
  wire [11:0] s2 = amt[1] ? {s1[9:0], s1[11:10]} : s1;
  wire [11:0] s4 = amt[2] ? {s2[7:0], s2[11:8]}  : s2;
  wire [11:0] s8 = amt[3] ? {s4[3:0], s4[11:4]}  : s4;
  assign y = (amt > 4'd11) ? 12'd0 : s8;
endmodule
