// hand reference: m1/m2/m3 = the last 1/2/3 bytes matched C3, C3 3C, C3 3C 99; f = the last byte was FF
module hdr_match (input clk, input rst, input en, input [7:0] din, output hit, output ff_now);
  reg m1, m2, m3, f;
  always @(posedge clk)
    if (rst) begin m1 <= 1'b0; m2 <= 1'b0; m3 <= 1'b0; f <= 1'b0; end
    else if (en) begin
      m1 <= din == 8'hC3;
      m2 <= m1 && din == 8'h3C;
      m3 <= m2 && din == 8'h99;
      f <= din == 8'hFF;
    end
  assign hit = m3;
  assign ff_now = f;
endmodule
