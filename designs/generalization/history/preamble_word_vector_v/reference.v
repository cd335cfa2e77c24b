// one flag per matched prefix of 1A CF FC 1D, updated with the bytes
module asm_detect (input clk, input rst, input [7:0] rx, input rx_vld, output reg found);
  reg m1, m2, m3, m4;
  always @(posedge clk) begin
    if (rst) begin
      m1 <= 1'b0; m2 <= 1'b0; m3 <= 1'b0; m4 <= 1'b0;
    end else if (rx_vld) begin
      m1 <= rx == 8'h1A;
      m2 <= m1 && rx == 8'hCF;
      m3 <= m2 && rx == 8'hFC;
      m4 <= m3 && rx == 8'h1D;
    end
  end
  always @(posedge clk) begin
    if (rst) found <= 1'b0;
    else found <= m4;
  end
endmodule
