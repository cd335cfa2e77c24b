// Slot timer, reference: both counters wrap at their all-ones value by themselves.
module slot_timer (
  input            clk,
  input            rst,
  input            sync_clr,
  input            tick,
  output reg [5:0] slot,
  output reg [7:0] frame,
  output           frame_end,
  output           super_end
);
  assign frame_end = tick && (&slot);
  assign super_end = frame_end && (&frame);
  always @(posedge clk) begin
    if (rst || sync_clr) slot <= 6'd0;
    else if (tick)       slot <= slot + 6'd1;
    if (rst || sync_clr) frame <= 8'd0;
    else if (frame_end)  frame <= frame + 8'd1;
  end
endmodule
