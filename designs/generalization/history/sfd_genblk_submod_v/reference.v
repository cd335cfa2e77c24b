// hand reference: m1..m4 = the last 1..4 bytes matched 55, 55 55, 55 55 55, 55 55 55 D5; i0 = last byte 07
module sfd_top (input clk, input arst, input vld, input [7:0] rx, output sfd, output idle);
  reg m1, m2, m3, m4, i0;
  always @(posedge clk or posedge arst)
    if (arst) begin m1 <= 1'b0; m2 <= 1'b0; m3 <= 1'b0; m4 <= 1'b0; i0 <= 1'b0; end
    else if (vld) begin
      m1 <= rx == 8'h55;
      m2 <= m1 && rx == 8'h55;
      m3 <= m2 && rx == 8'h55;
      m4 <= m3 && rx == 8'hD5;
      i0 <= rx == 8'h07;
    end
  assign sfd = m4;
  assign idle = i0;
endmodule
