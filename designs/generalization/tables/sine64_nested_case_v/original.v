// 64-entry signed sine (10-bit) as a nested case: outer case on the quadrant, inner case on the low 4 index bits
module sin_nest (input clk, input [5:0] a, output reg signed [9:0] y);
  reg signed [9:0] v;
  always @* begin
    case (a[5:4])
      2'd0: case (a[3:0])
        4'd0: v = 10'sd25;
        4'd1: v = 10'sd75;
        4'd2: v = 10'sd124;
        4'd3: v = 10'sd172;
        4'd4: v = 10'sd218;
        4'd5: v = 10'sd263;
        4'd6: v = 10'sd304;
        4'd7: v = 10'sd343;
        4'd8: v = 10'sd379;
        4'd9: v = 10'sd410;
        4'd10: v = 10'sd438;
        4'd11: v = 10'sd462;
        4'd12: v = 10'sd481;
        4'd13: v = 10'sd496;
        4'd14: v = 10'sd505;
        4'd15: v = 10'sd510;
      endcase
      2'd1: case (a[3:0])
        4'd0: v = 10'sd510;
        4'd1: v = 10'sd505;
        4'd2: v = 10'sd496;
        4'd3: v = 10'sd481;
        4'd4: v = 10'sd462;
        4'd5: v = 10'sd438;
        4'd6: v = 10'sd410;
        4'd7: v = 10'sd379;
        4'd8: v = 10'sd343;
        4'd9: v = 10'sd304;
        4'd10: v = 10'sd263;
        4'd11: v = 10'sd218;
        4'd12: v = 10'sd172;
        4'd13: v = 10'sd124;
        4'd14: v = 10'sd75;
        4'd15: v = 10'sd25;
      endcase
      2'd2: case (a[3:0])
        4'd0: v = -10'sd25;
        4'd1: v = -10'sd75;
        4'd2: v = -10'sd124;
        4'd3: v = -10'sd172;
        4'd4: v = -10'sd218;
        4'd5: v = -10'sd263;
        4'd6: v = -10'sd304;
        4'd7: v = -10'sd343;
        4'd8: v = -10'sd379;
        4'd9: v = -10'sd410;
        4'd10: v = -10'sd438;
        4'd11: v = -10'sd462;
        4'd12: v = -10'sd481;
        4'd13: v = -10'sd496;
        4'd14: v = -10'sd505;
        4'd15: v = -10'sd510;
      endcase
      2'd3: case (a[3:0])
        4'd0: v = -10'sd510;
        4'd1: v = -10'sd505;
        4'd2: v = -10'sd496;
        4'd3: v = -10'sd481;
        4'd4: v = -10'sd462;
        4'd5: v = -10'sd438;
        4'd6: v = -10'sd410;
        4'd7: v = -10'sd379;
        4'd8: v = -10'sd343;
        4'd9: v = -10'sd304;
        4'd10: v = -10'sd263;
        4'd11: v = -10'sd218;
        4'd12: v = -10'sd172;
        4'd13: v = -10'sd124;
        4'd14: v = -10'sd75;
        4'd15: v = -10'sd25;
      endcase
    endcase
  end
  always @(posedge clk) y <= v;
endmodule
