// Ethernet start-of-frame: preamble bytes 55 55 then SFD D5, bytes accepted when valid
// (two-process style: the byte history's next values in an always @* block)
module sfd_detect (input clk, input rst, input valid, input [7:0] rxd, output reg sof);
  reg b0_match1, b0_match2, b0_match3;
  always @(posedge clk or posedge rst) begin
      if (rst) begin
          b0_match1 <= 1'b0; b0_match2 <= 1'b0; b0_match3 <= 1'b0;
          sof <= 1'b0;
      end else begin
          begin
              
            if (valid) begin
              b0_match1 <= rxd == 8'h55;
              b0_match2 <= b0_match1 && rxd == 8'h55;
              b0_match3 <= b0_match2 && rxd == 8'hd5;
            end
          end
          sof <= (b0_match3 && valid);
      end
  end
endmodule
