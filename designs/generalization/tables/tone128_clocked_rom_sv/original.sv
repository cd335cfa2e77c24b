// Tone generator: phase accumulator, 128-entry 12-bit sine ROM read into a registered output
module tone_gen (
  input  logic                clk,
  input  logic                rst,
  input  logic                en,
  input  logic [6:0]          inc,
  output logic signed [11:0]  wave
);
  logic [6:0] ph;
  always_ff @(posedge clk) begin
    if (rst) ph <= '0;
    else if (en) ph <= ph + inc;
  end
  always_ff @(posedge clk) begin
    if (rst) wave <= 12'sd0;
    else if (en) begin
      case (ph)
        7'd0: wave <= 12'sd0;
        7'd1: wave <= 12'sd100;
        7'd2: wave <= 12'sd201;
        7'd3: wave <= 12'sd300;
        7'd4: wave <= 12'sd399;
        7'd5: wave <= 12'sd497;
        7'd6: wave <= 12'sd594;
        7'd7: wave <= 12'sd690;
        7'd8: wave <= 12'sd783;
        7'd9: wave <= 12'sd875;
        7'd10: wave <= 12'sd965;
        7'd11: wave <= 12'sd1052;
        7'd12: wave <= 12'sd1137;
        7'd13: wave <= 12'sd1219;
        7'd14: wave <= 12'sd1299;
        7'd15: wave <= 12'sd1375;
        7'd16: wave <= 12'sd1447;
        7'd17: wave <= 12'sd1517;
        7'd18: wave <= 12'sd1582;
        7'd19: wave <= 12'sd1644;
        7'd20: wave <= 12'sd1702;
        7'd21: wave <= 12'sd1756;
        7'd22: wave <= 12'sd1805;
        7'd23: wave <= 12'sd1850;
        7'd24: wave <= 12'sd1891;
        7'd25: wave <= 12'sd1927;
        7'd26: wave <= 12'sd1959;
        7'd27: wave <= 12'sd1986;
        7'd28: wave <= 12'sd2008;
        7'd29: wave <= 12'sd2025;
        7'd30: wave <= 12'sd2037;
        7'd31: wave <= 12'sd2045;
        7'd32: wave <= 12'sd2047;
        7'd33: wave <= 12'sd2045;
        7'd34: wave <= 12'sd2037;
        7'd35: wave <= 12'sd2025;
        7'd36: wave <= 12'sd2008;
        7'd37: wave <= 12'sd1986;
        7'd38: wave <= 12'sd1959;
        7'd39: wave <= 12'sd1927;
        7'd40: wave <= 12'sd1891;
        7'd41: wave <= 12'sd1850;
        7'd42: wave <= 12'sd1805;
        7'd43: wave <= 12'sd1756;
        7'd44: wave <= 12'sd1702;
        7'd45: wave <= 12'sd1644;
        7'd46: wave <= 12'sd1582;
        7'd47: wave <= 12'sd1517;
        7'd48: wave <= 12'sd1447;
        7'd49: wave <= 12'sd1375;
        7'd50: wave <= 12'sd1299;
        7'd51: wave <= 12'sd1219;
        7'd52: wave <= 12'sd1137;
        7'd53: wave <= 12'sd1052;
        7'd54: wave <= 12'sd965;
        7'd55: wave <= 12'sd875;
        7'd56: wave <= 12'sd783;
        7'd57: wave <= 12'sd690;
        7'd58: wave <= 12'sd594;
        7'd59: wave <= 12'sd497;
        7'd60: wave <= 12'sd399;
        7'd61: wave <= 12'sd300;
        7'd62: wave <= 12'sd201;
        7'd63: wave <= 12'sd100;
        7'd64: wave <= 12'sd0;
        7'd65: wave <= -12'sd100;
        7'd66: wave <= -12'sd201;
        7'd67: wave <= -12'sd300;
        7'd68: wave <= -12'sd399;
        7'd69: wave <= -12'sd497;
        7'd70: wave <= -12'sd594;
        7'd71: wave <= -12'sd690;
        7'd72: wave <= -12'sd783;
        7'd73: wave <= -12'sd875;
        7'd74: wave <= -12'sd965;
        7'd75: wave <= -12'sd1052;
        7'd76: wave <= -12'sd1137;
        7'd77: wave <= -12'sd1219;
        7'd78: wave <= -12'sd1299;
        7'd79: wave <= -12'sd1375;
        7'd80: wave <= -12'sd1447;
        7'd81: wave <= -12'sd1517;
        7'd82: wave <= -12'sd1582;
        7'd83: wave <= -12'sd1644;
        7'd84: wave <= -12'sd1702;
        7'd85: wave <= -12'sd1756;
        7'd86: wave <= -12'sd1805;
        7'd87: wave <= -12'sd1850;
        7'd88: wave <= -12'sd1891;
        7'd89: wave <= -12'sd1927;
        7'd90: wave <= -12'sd1959;
        7'd91: wave <= -12'sd1986;
        7'd92: wave <= -12'sd2008;
        7'd93: wave <= -12'sd2025;
        7'd94: wave <= -12'sd2037;
        7'd95: wave <= -12'sd2045;
        7'd96: wave <= -12'sd2047;
        7'd97: wave <= -12'sd2045;
        7'd98: wave <= -12'sd2037;
        7'd99: wave <= -12'sd2025;
        7'd100: wave <= -12'sd2008;
        7'd101: wave <= -12'sd1986;
        7'd102: wave <= -12'sd1959;
        7'd103: wave <= -12'sd1927;
        7'd104: wave <= -12'sd1891;
        7'd105: wave <= -12'sd1850;
        7'd106: wave <= -12'sd1805;
        7'd107: wave <= -12'sd1756;
        7'd108: wave <= -12'sd1702;
        7'd109: wave <= -12'sd1644;
        7'd110: wave <= -12'sd1582;
        7'd111: wave <= -12'sd1517;
        7'd112: wave <= -12'sd1447;
        7'd113: wave <= -12'sd1375;
        7'd114: wave <= -12'sd1299;
        7'd115: wave <= -12'sd1219;
        7'd116: wave <= -12'sd1137;
        7'd117: wave <= -12'sd1052;
        7'd118: wave <= -12'sd965;
        7'd119: wave <= -12'sd875;
        7'd120: wave <= -12'sd783;
        7'd121: wave <= -12'sd690;
        7'd122: wave <= -12'sd594;
        7'd123: wave <= -12'sd497;
        7'd124: wave <= -12'sd399;
        7'd125: wave <= -12'sd300;
        7'd126: wave <= -12'sd201;
        7'd127: wave <= -12'sd100;
        default: wave <= 12'sd0;
      endcase
    end
  end
endmodule
