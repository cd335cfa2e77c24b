// Small float packer: leading-one detect with a casez, then a barrel shift and the exponent adjust.
module norm12_casez (
  input  wire [11:0] frac,
  input  wire [5:0]  exp_in,
  output wire [11:0] frac_n,
  output wire [5:0]  exp_n
);
  reg [3:0] lz;
  always @* begin
    casez (frac)
      12'b1???????????: lz = 4'd0;
      12'b01??????????: lz = 4'd1;
      12'b001?????????: lz = 4'd2;
      12'b0001????????: lz = 4'd3;
      12'b00001???????: lz = 4'd4;
      12'b000001??????: lz = 4'd5;
      12'b0000001?????: lz = 4'd6;
      12'b00000001????: lz = 4'd7;
      12'b000000001???: lz = 4'd8;
      12'b0000000001??: lz = 4'd9;
      12'b00000000001?: lz = 4'd10;
      12'b000000000001: lz = 4'd11;
      default:          lz = 4'd0;    // zero fraction: nothing to shift
    endcase
  end
  assign frac_n = frac << lz;
  assign exp_n  = exp_in - {2'b00, lz};
endmodule
