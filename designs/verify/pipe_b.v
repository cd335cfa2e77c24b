// registers the operands, adds after the first stage (retimed)
module pipe(input clk, input rst, input [7:0] a, b, output reg [8:0] y);
  reg [7:0] ra, rb;
  always @(posedge clk) begin
    if (rst) begin ra <= 8'd0; rb <= 8'd0; y <= 9'd0; end
    else begin ra <= a; rb <= b; y <= ra + rb; end
  end
endmodule
