// ASCII decimal number parser: value*10 + digit = (value<<3) + ((value<<1) + digit), and
// (value<<1) + digit = {value + digit[3:1], digit[0]} (the shifted value has a zero LSB).
module dec_parse (
  input  wire        clk,
  input  wire        rst,
  input  wire        clr,
  input  wire        in_valid,
  input  wire [7:0]  in_char,
  output reg  [23:0] value,
  output reg         err
);
  wire        is_digit = (in_char[7:4] == 4'h3) && (in_char[3:0] <= 4'h9);
  wire [3:0]  digit    = in_char[3:0];
  wire [22:0] x2       = value[22:0] + digit[3:1];
  wire [23:0] nxt      = {value[20:0], 3'b000} + {x2, digit[0]};

  always @(posedge clk) begin
    if (rst || clr) begin
      value <= 24'd0;
      err   <= 1'b0;
    end else if (in_valid) begin
      if (is_digit)
        value <= nxt;
      else
        err <= 1'b1;
    end
  end
endmodule
