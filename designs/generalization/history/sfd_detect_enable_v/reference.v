// progress flags updated with the bytes: p1 = last byte 55, p2 = last two 55 55, p3 = 55 55 D5
module sfd_detect (input clk, input rst, input valid, input [7:0] rxd, output reg sof);
  reg p1, p2, p3;
  always @(posedge clk or posedge rst) begin
    if (rst) begin
      p1 <= 1'b0; p2 <= 1'b0; p3 <= 1'b0;
    end else if (valid) begin
      p1 <= rxd == 8'h55; p2 <= p1 && rxd == 8'h55; p3 <= p2 && rxd == 8'hD5;
    end
  end
  always @(posedge clk or posedge rst)
    if (rst) sof <= 1'b0;
    else sof <= valid && p3;
endmodule
