// clamped signed integrator: 16-bit signed accumulator limited to [-20, 20]
module clamp_int (input clk, input rst, input en, input signed [3:0] d, output signed [15:0] acc_o);
  reg signed [15:0] acc;
  wire signed [15:0] nxt = acc + d;
  always @(posedge clk)
    if (rst) acc <= 16'sd0;
    else if (en) begin
      if (nxt > 16'sd20) acc <= 16'sd20;
      else if (nxt < -16'sd20) acc <= -16'sd20;
      else acc <= nxt;
    end
  assign acc_o = acc;
endmodule
