// hand reference: m1/m2/m3 = the last 1/2/3 bytes taken matched 47, 47 1F, 47 1F A0; hit registers m3
module sync_task (input clk, input rst, input en, input [7:0] d, output reg hit);
  reg m1, m2, m3;
  always @(posedge clk) begin
    if (rst) begin
      m1 <= 1'b0; m2 <= 1'b0; m3 <= 1'b0; hit <= 1'b0;
    end else begin
      if (en) begin
        m1 <= d == 8'h47;
        m2 <= m1 && d == 8'h1F;
        m3 <= m2 && d == 8'hA0;
      end
      hit <= m3;
    end
  end
endmodule
