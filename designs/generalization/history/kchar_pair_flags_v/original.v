// 8b/10b-side character pair detection on a decoded byte stream: K28.5 followed by D16.2 (idle) or
// by D5.6 (idle, other disparity); both read the same two-byte history
module kpair (input clk, input [7:0] ch, output idle1, output idle2, output comma);
  reg [7:0] c1, c2;
  initial begin c1 = 8'h00; c2 = 8'h00; end
  always @(posedge clk) begin
    c1 <= ch;
    c2 <= c1;
  end
  assign comma = c1 == 8'hBC;
  assign idle1 = (c2 == 8'hBC) && (c1 == 8'h50);
  assign idle2 = (c2 == 8'hBC) && (c1 == 8'hC5);
endmodule
