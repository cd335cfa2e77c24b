// quarter-wave table: the second quarter mirrors the first (~index), the second half is negated
module sine64_hs (
  input  logic [5:0]        ph,
  output logic signed [7:0] y
);
  logic [3:0] a;
  logic [6:0] m;
  assign a = ph[4] ? ~ph[3:0] : ph[3:0];
  always_comb begin
    case (a)
      4'd0: m = 7'd6;
      4'd1: m = 7'd19;
      4'd2: m = 7'd31;
      4'd3: m = 7'd43;
      4'd4: m = 7'd54;
      4'd5: m = 7'd65;
      4'd6: m = 7'd76;
      4'd7: m = 7'd85;
      4'd8: m = 7'd94;
      4'd9: m = 7'd102;
      4'd10: m = 7'd109;
      4'd11: m = 7'd115;
      4'd12: m = 7'd120;
      4'd13: m = 7'd123;
      4'd14: m = 7'd126;
      4'd15: m = 7'd127;
      default: m = 7'd0;
    endcase
  end
  assign y = ph[5] ? -$signed({1'b0, m}) : $signed({1'b0, m});
endmodule
