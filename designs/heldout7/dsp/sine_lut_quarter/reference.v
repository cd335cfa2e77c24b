// 8-bit phase -> signed 8-bit sine sample (amplitude 127), quarter-wave table
module sine256 (input clk, input [7:0] phase, output reg signed [7:0] sample);
  wire [6:0] a = phase[6] ? (7'd64 - {1'b0, phase[5:0]}) : {1'b0, phase[5:0]};   // 0..64
  reg [6:0] m;
  always @(*) begin
    case (a)
      7'd0: m = 7'd0;
      7'd1: m = 7'd3;
      7'd2: m = 7'd6;
      7'd3: m = 7'd9;
      7'd4: m = 7'd12;
      7'd5: m = 7'd16;
      7'd6: m = 7'd19;
      7'd7: m = 7'd22;
      7'd8: m = 7'd25;
      7'd9: m = 7'd28;
      7'd10: m = 7'd31;
      7'd11: m = 7'd34;
      7'd12: m = 7'd37;
      7'd13: m = 7'd40;
      7'd14: m = 7'd43;
      7'd15: m = 7'd46;
      7'd16: m = 7'd49;
      7'd17: m = 7'd51;
      7'd18: m = 7'd54;
      7'd19: m = 7'd57;
      7'd20: m = 7'd60;
      7'd21: m = 7'd63;
      7'd22: m = 7'd65;
      7'd23: m = 7'd68;
      7'd24: m = 7'd71;
      7'd25: m = 7'd73;
      7'd26: m = 7'd76;
      7'd27: m = 7'd78;
      7'd28: m = 7'd81;
      7'd29: m = 7'd83;
      7'd30: m = 7'd85;
      7'd31: m = 7'd88;
      7'd32: m = 7'd90;
      7'd33: m = 7'd92;
      7'd34: m = 7'd94;
      7'd35: m = 7'd96;
      7'd36: m = 7'd98;
      7'd37: m = 7'd100;
      7'd38: m = 7'd102;
      7'd39: m = 7'd104;
      7'd40: m = 7'd106;
      7'd41: m = 7'd107;
      7'd42: m = 7'd109;
      7'd43: m = 7'd111;
      7'd44: m = 7'd112;
      7'd45: m = 7'd113;
      7'd46: m = 7'd115;
      7'd47: m = 7'd116;
      7'd48: m = 7'd117;
      7'd49: m = 7'd118;
      7'd50: m = 7'd120;
      7'd51: m = 7'd121;
      7'd52: m = 7'd122;
      7'd53: m = 7'd122;
      7'd54: m = 7'd123;
      7'd55: m = 7'd124;
      7'd56: m = 7'd125;
      7'd57: m = 7'd125;
      7'd58: m = 7'd126;
      7'd59: m = 7'd126;
      7'd60: m = 7'd126;
      7'd61: m = 7'd127;
      7'd62: m = 7'd127;
      7'd63: m = 7'd127;
      7'd64: m = 7'd127;
      default: m = 7'd0;
    endcase
  end
  wire signed [7:0] s = phase[7] ? -$signed({1'b0, m}) : $signed({1'b0, m});
  always @(posedge clk) sample <= s;
endmodule
