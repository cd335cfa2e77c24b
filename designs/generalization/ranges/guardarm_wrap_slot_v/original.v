// Slot timer: a 64-slot frame counter and a 256-frame superframe counter, cleared by a sync
// clear or when they reach their last value (defensive >= compares, wrap OR-ed into the clear).
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
  assign frame_end = tick && (slot >= 6'd63);
  assign super_end = frame_end && (frame >= 8'd255);
  always @(posedge clk) begin
    if (rst || sync_clr || frame_end) slot <= 6'd0;
    else if (tick)                     slot <= slot + 6'd1;
    if (rst || sync_clr)  frame <= 8'd0;
    else if (frame_end)   frame <= (frame >= 8'd255) ? 8'd0 : frame + 8'd1;
  end
endmodule
