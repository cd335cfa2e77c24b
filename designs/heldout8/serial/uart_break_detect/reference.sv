// The zero counter saturates at 160 (8 bits); the break flag is (count == 160).
module uart_break_top (
  input  logic clk,
  input  logic rst,
  input  logic tick16,
  input  logic rxd,
  output logic line_break
);
  logic [7:0] zcnt;
  always_ff @(posedge clk) begin
    if (rst) zcnt <= '0;
    else if (tick16) begin
      if (rxd) zcnt <= '0;
      else if (zcnt != 8'd160) zcnt <= zcnt + 8'd1;
    end
  end
  assign line_break = (zcnt == 8'd160);
endmodule
