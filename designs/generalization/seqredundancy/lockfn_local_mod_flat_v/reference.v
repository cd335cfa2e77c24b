// TDM slots, reference: the sub-frame and phase counters are slot mod 4 and slot mod 3.
module tdm_flat (
  input        clk,
  input        rst,
  input        tick,
  output reg [3:0] slot,
  output       sub_end,
  output       ph_end,
  output [1:0] sub
);
  assign sub = slot[1:0];
  assign sub_end = tick && slot[1:0] == 2'd3;
  assign ph_end  = tick && (slot == 4'd2 || slot == 4'd5 || slot == 4'd8 || slot == 4'd11);
  always @(posedge clk) begin
    if (rst) slot <= 4'd0;
    else if (tick) slot <= (slot == 4'd11) ? 4'd0 : slot + 4'd1;
  end
endmodule
