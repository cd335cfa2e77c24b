// stores ~count: reset value 4'hf, decrements; output inverted back
module cnt(input en, input clk, input arst_n, output [3:0] q);
  reg [3:0] cn;
  always @(posedge clk or negedge arst_n)
    if (!arst_n) cn <= 4'hf;
    else cn <= en ? cn - 4'd1 : cn;
  assign q = ~cn;
endmodule
