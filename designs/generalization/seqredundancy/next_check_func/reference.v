// Data holding register; the check bits and the zero flag are decoded from the register itself.
module hold_check (
  input             clk,
  input             rst,
  input             ld,
  input             clr,
  input      [15:0] din,
  output reg [15:0] data,
  output reg [4:0]  chk,
  output            is_zero
);
  integer i;

  always @(posedge clk) begin
    if (rst | clr)
      data <= 16'd0;
    else if (ld)
      data <= din;
  end

  always @(*) begin
    chk = 5'd0;
    for (i = 0; i < 16; i = i + 1)
      if (data[i]) chk = chk ^ (i[4:0] + 5'd1);
  end

  assign is_zero = ~|data;
endmodule
