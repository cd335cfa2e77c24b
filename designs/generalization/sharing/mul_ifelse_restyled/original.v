module mulsel_r (
  input  [7:0] p, q, r, s,
  input        pick,
  output reg [15:0] prod
);
  always @(*)
    case (pick)
      1'b0: prod = r * s;
      default: prod = p * q;  // 1'b1 (a default arm: no latch for an x select)
    endcase
endmodule
