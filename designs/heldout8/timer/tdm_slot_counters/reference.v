// The mod-4 and mod-3 counts are functions of the mod-12 slot count.
module tdm_slots (
  input            clk,
  input            rst,
  input            slot_tick,
  output reg [3:0] slot,
  output           frame_end,
  output           sub_end,
  output           phase_end
);
  assign frame_end = slot_tick && (slot == 4'd11);
  assign sub_end   = slot_tick && (slot[1:0] == 2'd3);
  assign phase_end = slot_tick && (slot == 4'd2 || slot == 4'd5 || slot == 4'd8 || slot == 4'd11);
  always @(posedge clk) begin
    if (rst)            slot <= 4'd0;
    else if (frame_end) slot <= 4'd0;
    else if (slot_tick) slot <= slot + 1'b1;
  end
endmodule
