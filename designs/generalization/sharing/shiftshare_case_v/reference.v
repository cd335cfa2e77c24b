// One arithmetic shifter on {fill, din}: fill is din's sign only when fn picks the arithmetic arm.
module shiftshare_case_v #(parameter W = 24) (
  input clk,
  input [W-1:0] din,
  input [4:0] amt,
  input [1:0] fn,
  output reg [W-1:0] dout
);
  wire fill = (fn == 2'b01) & din[W-1];
  wire [W:0] wide = $signed({fill, din}) >>> amt;
  wire [W-1:0] sr = wide[W-1:0];
  wire [W-1:0] sll_r = din << amt;
  reg [W-1:0] nxt;
  always @* begin
    case (fn)
      2'b00, 2'b01: nxt = sr;
      2'b10: nxt = sll_r;
      default: nxt = din;
    endcase
  end
  always @(posedge clk) dout <= nxt;
endmodule
