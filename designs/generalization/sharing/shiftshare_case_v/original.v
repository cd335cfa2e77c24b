// Barrel unit: logical right, arithmetic right, left shift or pass, chosen by fn; registered result.
module shiftshare_case_v #(parameter W = 24) (
  input clk,
  input [W-1:0] din,
  input [4:0] amt,
  input [1:0] fn,
  output reg [W-1:0] dout
);
  wire [W-1:0] srl_r = din >> amt;
  wire [W-1:0] sra_r = $signed(din) >>> amt;
  wire [W-1:0] sll_r = din << amt;
  reg [W-1:0] nxt;
  always @* begin
    case (fn)
      2'b00: nxt = srl_r;
      2'b01: nxt = sra_r;
      2'b10: nxt = sll_r;
      default: nxt = din;
    endcase
  end
  always @(posedge clk) dout <= nxt;
endmodule
