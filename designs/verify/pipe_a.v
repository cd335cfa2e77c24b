module pipe(input clk, input rst, input [7:0] a, b, output reg [8:0] y);
  reg [8:0] s;
  always @(posedge clk) begin
    if (rst) begin s <= 9'd0; y <= 9'd0; end
    else begin s <= a + b; y <= s; end
  end
endmodule
