module bank_select (
  input      [3:0]  bank,
  output reg [15:0] en
);
  always @* begin
    case (bank)
      4'd0:  en = 16'h0001;
      4'd1:  en = 16'h0002;
      4'd2:  en = 16'h0004;
      4'd3:  en = 16'h0008;
      4'd4:  en = 16'h0010;
      4'd5:  en = 16'h0020;
      4'd6:  en = 16'h0040;
      4'd7:  en = 16'h0080;
      4'd8:  en = 16'h0100;
      4'd9:  en = 16'h0200;
      4'd10: en = 16'h0400;
      4'd11: en = 16'h0800;
      4'd12: en = 16'h1000;
      4'd13: en = 16'h2000;
      4'd14: en = 16'h4000;
      default: en = 16'h8000;
    endcase
  end
endmodule
