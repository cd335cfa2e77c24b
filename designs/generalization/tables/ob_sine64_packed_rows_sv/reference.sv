module ob_rom2d (input logic clk, input logic en, input logic [5:0] a, output logic [7:0] q);
  logic [3:0] qi; logic [7:0] v;
  assign qi = a[4] ? ~a[3:0] : a[3:0];
  always_comb begin
    unique case (qi)
      4'd0: v = 8'd134;
      4'd1: v = 8'd146;
      4'd2: v = 8'd158;
      4'd3: v = 8'd170;
      4'd4: v = 8'd182;
      4'd5: v = 8'd193;
      4'd6: v = 8'd203;
      4'd7: v = 8'd213;
      4'd8: v = 8'd222;
      4'd9: v = 8'd230;
      4'd10: v = 8'd236;
      4'd11: v = 8'd242;
      4'd12: v = 8'd247;
      4'd13: v = 8'd251;
      4'd14: v = 8'd253;
      4'd15: v = 8'd254;
    endcase
  end
  always_ff @(posedge clk) if (en) q <= a[5] ? ~v : v;
endmodule
