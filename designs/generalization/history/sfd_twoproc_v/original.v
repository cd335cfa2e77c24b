// Ethernet start-of-frame: preamble bytes 55 55 then SFD D5, bytes accepted when valid
// (two-process style: the byte history's next values in an always @* block)
module sfd_detect (input clk, input rst, input valid, input [7:0] rxd, output reg sof);
  reg [7:0] b0, b1, b2;
  reg [7:0] b0_n, b1_n, b2_n;
  always @* begin
    b0_n = b0; b1_n = b1; b2_n = b2;
    if (valid) begin
      b0_n = rxd; b1_n = b0; b2_n = b1;
    end
  end
  always @(posedge clk or posedge rst) begin
    if (rst) begin
      b0 <= 8'h00; b1 <= 8'h00; b2 <= 8'h00;
    end else begin
      b0 <= b0_n; b1 <= b1_n; b2 <= b2_n;
    end
  end
  always @(posedge clk or posedge rst)
    if (rst) sof <= 1'b0;
    else sof <= valid && b2 == 8'h55 && b1 == 8'h55 && b0 == 8'hD5;
endmodule
