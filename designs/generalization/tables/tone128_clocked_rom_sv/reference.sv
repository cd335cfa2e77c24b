// quarter-wave ROM (33 entries): ph[5] mirrors around 32, ph[6] negates
module tone_gen (
  input  logic                clk,
  input  logic                rst,
  input  logic                en,
  input  logic [6:0]          inc,
  output logic signed [11:0]  wave
);
  logic [6:0] ph;
  logic [5:0] a;
  logic [10:0] m;
  always_ff @(posedge clk) begin
    if (rst) ph <= '0;
    else if (en) ph <= ph + inc;
  end
  assign a = ph[5] ? 6'd32 - {1'b0, ph[4:0]} : {1'b0, ph[4:0]};
  always_comb begin
    case (a)
      6'd0: m = 11'd0;
      6'd1: m = 11'd100;
      6'd2: m = 11'd201;
      6'd3: m = 11'd300;
      6'd4: m = 11'd399;
      6'd5: m = 11'd497;
      6'd6: m = 11'd594;
      6'd7: m = 11'd690;
      6'd8: m = 11'd783;
      6'd9: m = 11'd875;
      6'd10: m = 11'd965;
      6'd11: m = 11'd1052;
      6'd12: m = 11'd1137;
      6'd13: m = 11'd1219;
      6'd14: m = 11'd1299;
      6'd15: m = 11'd1375;
      6'd16: m = 11'd1447;
      6'd17: m = 11'd1517;
      6'd18: m = 11'd1582;
      6'd19: m = 11'd1644;
      6'd20: m = 11'd1702;
      6'd21: m = 11'd1756;
      6'd22: m = 11'd1805;
      6'd23: m = 11'd1850;
      6'd24: m = 11'd1891;
      6'd25: m = 11'd1927;
      6'd26: m = 11'd1959;
      6'd27: m = 11'd1986;
      6'd28: m = 11'd2008;
      6'd29: m = 11'd2025;
      6'd30: m = 11'd2037;
      6'd31: m = 11'd2045;
      6'd32: m = 11'd2047;
      default: m = 11'd0;
    endcase
  end
  always_ff @(posedge clk) begin
    if (rst) wave <= 12'sd0;
    else if (en) wave <= ph[6] ? -$signed({1'b0, m}) : $signed({1'b0, m});
  end
endmodule
