module sin_ifc (input clk, input [4:0] ph, output reg signed [7:0] y);
  wire [2:0] qi = ph[3] ? ~ph[2:0] : ph[2:0];
  reg [6:0] qv;
  always @* begin
    case (qi)
      3'd0: qv = 7'd12;
      3'd1: qv = 7'd37;
      3'd2: qv = 7'd60;
      3'd3: qv = 7'd81;
      3'd4: qv = 7'd98;
      3'd5: qv = 7'd112;
      3'd6: qv = 7'd122;
      3'd7: qv = 7'd126;
      default: qv = 7'd0;
    endcase
  end
  always @(posedge clk) y <= ph[4] ? -$signed({1'b0, qv}) : $signed({1'b0, qv});
endmodule
