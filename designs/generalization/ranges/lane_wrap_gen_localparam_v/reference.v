module lane_ctrs (input clk, input rst, input [3:0] en, output [3:0] wrap);
  reg [1:0] c0; reg [2:0] c1; reg [3:0] c2; reg [4:0] c3;
  always @(posedge clk)
    if (rst) begin c0 <= 0; c1 <= 0; c2 <= 0; c3 <= 0; end
    else begin
      if (en[0]) c0 <= (c0 == 2'd2) ? 2'd0 : c0 + 2'd1;
      if (en[1]) c1 <= (c1 == 3'd7) ? 3'd0 : c1 + 3'd1;
      if (en[2]) c2 <= (c2 == 4'd12) ? 4'd0 : c2 + 4'd1;
      if (en[3]) c3 <= (c3 == 5'd17) ? 5'd0 : c3 + 5'd1;
    end
  assign wrap = {en[3] && c3 == 5'd17, en[2] && c2 == 4'd12, en[1] && c1 == 3'd7, en[0] && c0 == 2'd2};
endmodule
