module clamp_int (input clk, input rst, input en, input signed [3:0] d, output signed [15:0] acc_o);
  reg signed [5:0] acc;
  wire signed [6:0] nxt = acc + d;
  always @(posedge clk)
    if (rst) acc <= 6'sd0;
    else if (en) begin
      if (nxt > 7'sd20) acc <= 6'sd20;
      else if (nxt < -7'sd20) acc <= -6'sd20;
      else acc <= nxt[5:0];
    end
  assign acc_o = acc;
endmodule
