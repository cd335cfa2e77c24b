module mulsel_r (
  input  [7:0] p, q, r, s,
  input        pick,
  output reg [15:0] prod
);
  always @(*)
    case (pick)
      1'b0: prod = r * s;
      1'b1: prod = p * q;
    endcase
endmodule
