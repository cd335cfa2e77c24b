module pan (input signed [6:0] s, input [4:0] g, input signed [7:0] c, input clk,
            output reg signed [13:0] yl, output reg signed [13:0] yr);
  wire signed [7:0] sp = s;
  wire signed [7:0] sn = -sp;
  wire signed [5:0] gs = $signed({1'b0, g});
  wire signed [13:0] pl = sp * gs;
  wire signed [13:0] pr = sn * gs;
  always @(posedge clk) begin
    yl <= c + pl;
    yr <= c + pr;
  end
endmodule
