// Text-mode cursor: the video timing block counts frames; the cursor block toggles its blink phase
// every 2^BLINK_LOG2 frames: the phase is bit BLINK_LOG2 of the timing block's frame counter.
module vtiming #(parameter HTOT = 800, parameter VTOT = 525, parameter FW = 6) (
  input  wire clk, rst,
  output reg  [9:0] hcnt,
  output reg  [9:0] vcnt,
  output reg  [FW-1:0] frame,
  output wire frame_end
);
  wire line_end = (hcnt == HTOT-1);
  assign frame_end = line_end && (vcnt == VTOT-1);
  always @(posedge clk)
    if (rst) begin hcnt <= 10'd0; vcnt <= 10'd0; frame <= {FW{1'b0}}; end
    else begin
      hcnt <= line_end ? 10'd0 : hcnt + 1'b1;
      if (line_end) vcnt <= (vcnt == VTOT-1) ? 10'd0 : vcnt + 1'b1;
      if (frame_end) frame <= frame + 1'b1;
    end
endmodule

module cursor #(parameter BLINK_LOG2 = 4) (
  input  wire phase,
  input  wire [9:0] hcnt, vcnt,
  input  wire [9:0] cx, cy,
  output wire cursor_on
);
  assign cursor_on = phase && (hcnt[9:3] == cx[9:3]) && (vcnt[9:4] == cy[9:4]) && (vcnt[3:0] >= 4'd14);
endmodule

module text_cursor (
  input  wire clk, rst,
  input  wire [9:0] cx, cy,
  output wire [9:0] hcnt, vcnt,
  output wire [5:0] frame,
  output wire cursor_on
);
  wire fe;
  vtiming #(.HTOT(200), .VTOT(120), .FW(6)) u_t (.clk(clk), .rst(rst), .hcnt(hcnt), .vcnt(vcnt), .frame(frame), .frame_end(fe));
  cursor  #(.BLINK_LOG2(4)) u_c (.phase(frame[4]), .hcnt(hcnt), .vcnt(vcnt), .cx(cx), .cy(cy), .cursor_on(cursor_on));
endmodule
