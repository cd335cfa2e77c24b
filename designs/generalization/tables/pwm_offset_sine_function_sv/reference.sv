// the second half is 254 - the first, the second quarter mirrors the first around 16
module pwm_sine (
  input  logic       clk,
  input  logic       rst,
  input  logic [5:0] step,
  input  logic [7:0] ramp,
  output logic       pwm
);
  logic [4:0] a;
  logic [7:0] m, level;
  assign a = step[4] ? 5'd16 - {1'b0, step[3:0]} : {1'b0, step[3:0]};
  always_comb begin
    case (a)
      5'd0: m = 8'd127;
      5'd1: m = 8'd139;
      5'd2: m = 8'd152;
      5'd3: m = 8'd164;
      5'd4: m = 8'd176;
      5'd5: m = 8'd187;
      5'd6: m = 8'd198;
      5'd7: m = 8'd208;
      5'd8: m = 8'd217;
      5'd9: m = 8'd225;
      5'd10: m = 8'd233;
      5'd11: m = 8'd239;
      5'd12: m = 8'd244;
      5'd13: m = 8'd249;
      5'd14: m = 8'd252;
      5'd15: m = 8'd253;
      5'd16: m = 8'd254;
      default: m = 8'd0;
    endcase
  end
  assign level = step[5] ? 8'd254 - m : m;
  always_ff @(posedge clk) begin
    if (rst) pwm <= 1'b0;
    else pwm <= ramp < level;
  end
endmodule
