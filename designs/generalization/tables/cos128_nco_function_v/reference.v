// quarter-wave cosine: p[6] negates (second half), p[5] mirrors around 32 and negates (second quarter)
module nco_cos128 (input clk, input rst, input [6:0] step, output reg signed [9:0] out);
  reg [6:0] acc;
  function [8:0] qcos;
    input [5:0] a;
    begin
      case (a)
        6'd0: qcos = 9'd511;
        6'd1: qcos = 9'd510;
        6'd2: qcos = 9'd509;
        6'd3: qcos = 9'd505;
        6'd4: qcos = 9'd501;
        6'd5: qcos = 9'd496;
        6'd6: qcos = 9'd489;
        6'd7: qcos = 9'd481;
        6'd8: qcos = 9'd472;
        6'd9: qcos = 9'd462;
        6'd10: qcos = 9'd451;
        6'd11: qcos = 9'd438;
        6'd12: qcos = 9'd425;
        6'd13: qcos = 9'd410;
        6'd14: qcos = 9'd395;
        6'd15: qcos = 9'd379;
        6'd16: qcos = 9'd361;
        6'd17: qcos = 9'd343;
        6'd18: qcos = 9'd324;
        6'd19: qcos = 9'd304;
        6'd20: qcos = 9'd284;
        6'd21: qcos = 9'd263;
        6'd22: qcos = 9'd241;
        6'd23: qcos = 9'd218;
        6'd24: qcos = 9'd196;
        6'd25: qcos = 9'd172;
        6'd26: qcos = 9'd148;
        6'd27: qcos = 9'd124;
        6'd28: qcos = 9'd100;
        6'd29: qcos = 9'd75;
        6'd30: qcos = 9'd50;
        6'd31: qcos = 9'd25;
        6'd32: qcos = 9'd0;
        default: qcos = 9'd0;
      endcase
    end
  endfunction
  wire [5:0] a = acc[5] ? 6'd32 - {1'b0, acc[4:0]} : {1'b0, acc[4:0]};
  wire [9:0] m = {1'b0, qcos(a)};
  wire neg = acc[6] ^ acc[5];
  always @(posedge clk) begin
    if (rst) begin
      acc <= 7'd0;
      out <= 10'sd0;
    end else begin
      acc <= acc + step;
      out <= neg ? -m : m;
    end
  end
endmodule
