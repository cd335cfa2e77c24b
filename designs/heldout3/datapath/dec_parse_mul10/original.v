// ASCII decimal number parser: accumulates digits, acc = acc*10 + digit.
module dec_parse (
  input  wire        clk,
  input  wire        rst,
  input  wire        clr,
  input  wire        in_valid,
  input  wire [7:0]  in_char,
  output reg  [23:0] value,
  output reg         err
);
  wire       is_digit = (in_char >= 8'h30) && (in_char <= 8'h39);
  wire [3:0] digit    = in_char - 8'h30;

  always @(posedge clk) begin
    if (rst || clr) begin
      value <= 24'd0;
      err   <= 1'b0;
    end else if (in_valid) begin
      if (is_digit)
        value <= value * 24'd10 + digit;
      else
        err <= 1'b1;
    end
  end
endmodule
