// Seconds-of-minute counter (0..59) split into tens and ones by a compare chain and a subtraction.
module sec_split (
  input  wire       clk,
  input  wire       rst,
  input  wire       tick,
  output reg  [2:0] tens,
  output wire [3:0] ones
);
  reg [5:0] s;
  always @(posedge clk)
    if (rst)
      s <= 6'd0;
    else if (tick)
      s <= (s == 6'd59) ? 6'd0 : s + 6'd1;

  always @* begin
    if      (s >= 6'd50) tens = 3'd5;
    else if (s >= 6'd40) tens = 3'd4;
    else if (s >= 6'd30) tens = 3'd3;
    else if (s >= 6'd20) tens = 3'd2;
    else if (s >= 6'd10) tens = 3'd1;
    else                 tens = 3'd0;
  end
  wire [6:0] tens_x10 = {tens, 3'b000} + {tens, 1'b0};
  assign ones = s - tens_x10[5:0];
endmodule
