// only the comparisons are kept: c1 is BC / 50 / C5, c2 is BC
module kpair (input clk, input [7:0] ch, output idle1, output idle2, output comma);
  reg c1_bc, c1_50, c1_c5, c2_bc;
  initial begin c1_bc = 1'b0; c1_50 = 1'b0; c1_c5 = 1'b0; c2_bc = 1'b0; end
  always @(posedge clk) begin
    c1_bc <= ch == 8'hBC;
    c1_50 <= ch == 8'h50;
    c1_c5 <= ch == 8'hC5;
    c2_bc <= c1_bc;
  end
  assign comma = c1_bc;
  assign idle1 = c2_bc && c1_50;
  assign idle2 = c2_bc && c1_c5;
endmodule
