// 6-bit phase -> signed 8-bit sine sample, sampled half a step off zero (sin(2*pi*(i+0.5)/64))
module sine64_hs (
  input  logic [5:0]        ph,
  output logic signed [7:0] y
);
  always_comb begin
    unique case (ph)
      6'd0: y = 8'sd6;
      6'd1: y = 8'sd19;
      6'd2: y = 8'sd31;
      6'd3: y = 8'sd43;
      6'd4: y = 8'sd54;
      6'd5: y = 8'sd65;
      6'd6: y = 8'sd76;
      6'd7: y = 8'sd85;
      6'd8: y = 8'sd94;
      6'd9: y = 8'sd102;
      6'd10: y = 8'sd109;
      6'd11: y = 8'sd115;
      6'd12: y = 8'sd120;
      6'd13: y = 8'sd123;
      6'd14: y = 8'sd126;
      6'd15: y = 8'sd127;
      6'd16: y = 8'sd127;
      6'd17: y = 8'sd126;
      6'd18: y = 8'sd123;
      6'd19: y = 8'sd120;
      6'd20: y = 8'sd115;
      6'd21: y = 8'sd109;
      6'd22: y = 8'sd102;
      6'd23: y = 8'sd94;
      6'd24: y = 8'sd85;
      6'd25: y = 8'sd76;
      6'd26: y = 8'sd65;
      6'd27: y = 8'sd54;
      6'd28: y = 8'sd43;
      6'd29: y = 8'sd31;
      6'd30: y = 8'sd19;
      6'd31: y = 8'sd6;
      6'd32: y = -8'sd6;
      6'd33: y = -8'sd19;
      6'd34: y = -8'sd31;
      6'd35: y = -8'sd43;
      6'd36: y = -8'sd54;
      6'd37: y = -8'sd65;
      6'd38: y = -8'sd76;
      6'd39: y = -8'sd85;
      6'd40: y = -8'sd94;
      6'd41: y = -8'sd102;
      6'd42: y = -8'sd109;
      6'd43: y = -8'sd115;
      6'd44: y = -8'sd120;
      6'd45: y = -8'sd123;
      6'd46: y = -8'sd126;
      6'd47: y = -8'sd127;
      6'd48: y = -8'sd127;
      6'd49: y = -8'sd126;
      6'd50: y = -8'sd123;
      6'd51: y = -8'sd120;
      6'd52: y = -8'sd115;
      6'd53: y = -8'sd109;
      6'd54: y = -8'sd102;
      6'd55: y = -8'sd94;
      6'd56: y = -8'sd85;
      6'd57: y = -8'sd76;
      6'd58: y = -8'sd65;
      6'd59: y = -8'sd54;
      6'd60: y = -8'sd43;
      6'd61: y = -8'sd31;
      6'd62: y = -8'sd19;
      6'd63: y = -8'sd6;
      default: y = 8'sd0;
    endcase
  end
endmodule
