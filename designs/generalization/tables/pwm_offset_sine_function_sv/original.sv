// PWM sine modulator: 64-step unsigned sine (127 +- 127) from an SV function, compared with a ramp
module pwm_sine (
  input  logic       clk,
  input  logic       rst,
  input  logic [5:0] step,
  input  logic [7:0] ramp,
  output logic       pwm
);
  function automatic logic [7:0] pwm_level(input logic [5:0] s);
    unique case (s)
      6'd0: pwm_level = 8'd127;
      6'd1: pwm_level = 8'd139;
      6'd2: pwm_level = 8'd152;
      6'd3: pwm_level = 8'd164;
      6'd4: pwm_level = 8'd176;
      6'd5: pwm_level = 8'd187;
      6'd6: pwm_level = 8'd198;
      6'd7: pwm_level = 8'd208;
      6'd8: pwm_level = 8'd217;
      6'd9: pwm_level = 8'd225;
      6'd10: pwm_level = 8'd233;
      6'd11: pwm_level = 8'd239;
      6'd12: pwm_level = 8'd244;
      6'd13: pwm_level = 8'd249;
      6'd14: pwm_level = 8'd252;
      6'd15: pwm_level = 8'd253;
      6'd16: pwm_level = 8'd254;
      6'd17: pwm_level = 8'd253;
      6'd18: pwm_level = 8'd252;
      6'd19: pwm_level = 8'd249;
      6'd20: pwm_level = 8'd244;
      6'd21: pwm_level = 8'd239;
      6'd22: pwm_level = 8'd233;
      6'd23: pwm_level = 8'd225;
      6'd24: pwm_level = 8'd217;
      6'd25: pwm_level = 8'd208;
      6'd26: pwm_level = 8'd198;
      6'd27: pwm_level = 8'd187;
      6'd28: pwm_level = 8'd176;
      6'd29: pwm_level = 8'd164;
      6'd30: pwm_level = 8'd152;
      6'd31: pwm_level = 8'd139;
      6'd32: pwm_level = 8'd127;
      6'd33: pwm_level = 8'd115;
      6'd34: pwm_level = 8'd102;
      6'd35: pwm_level = 8'd90;
      6'd36: pwm_level = 8'd78;
      6'd37: pwm_level = 8'd67;
      6'd38: pwm_level = 8'd56;
      6'd39: pwm_level = 8'd46;
      6'd40: pwm_level = 8'd37;
      6'd41: pwm_level = 8'd29;
      6'd42: pwm_level = 8'd21;
      6'd43: pwm_level = 8'd15;
      6'd44: pwm_level = 8'd10;
      6'd45: pwm_level = 8'd5;
      6'd46: pwm_level = 8'd2;
      6'd47: pwm_level = 8'd1;
      6'd48: pwm_level = 8'd0;
      6'd49: pwm_level = 8'd1;
      6'd50: pwm_level = 8'd2;
      6'd51: pwm_level = 8'd5;
      6'd52: pwm_level = 8'd10;
      6'd53: pwm_level = 8'd15;
      6'd54: pwm_level = 8'd21;
      6'd55: pwm_level = 8'd29;
      6'd56: pwm_level = 8'd37;
      6'd57: pwm_level = 8'd46;
      6'd58: pwm_level = 8'd56;
      6'd59: pwm_level = 8'd67;
      6'd60: pwm_level = 8'd78;
      6'd61: pwm_level = 8'd90;
      6'd62: pwm_level = 8'd102;
      6'd63: pwm_level = 8'd115;
      default: pwm_level = 8'd127;
    endcase
  endfunction
  always_ff @(posedge clk) begin
    if (rst) pwm <= 1'b0;
    else pwm <= ramp < pwm_level(step);
  end
endmodule
