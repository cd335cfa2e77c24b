module sin_nest (input clk, input [5:0] a, output reg signed [9:0] y);
  wire [3:0] i = a[4] ? ~a[3:0] : a[3:0];
  reg [8:0] m;
  always @* begin
    case (i)
      4'd0: m = 9'd25;
      4'd1: m = 9'd75;
      4'd2: m = 9'd124;
      4'd3: m = 9'd172;
      4'd4: m = 9'd218;
      4'd5: m = 9'd263;
      4'd6: m = 9'd304;
      4'd7: m = 9'd343;
      4'd8: m = 9'd379;
      4'd9: m = 9'd410;
      4'd10: m = 9'd438;
      4'd11: m = 9'd462;
      4'd12: m = 9'd481;
      4'd13: m = 9'd496;
      4'd14: m = 9'd505;
      4'd15: m = 9'd510;
    endcase
  end
  always @(posedge clk) y <= a[5] ? -$signed({1'b0, m}) : $signed({1'b0, m});
endmodule
