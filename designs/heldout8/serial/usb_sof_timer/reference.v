// The interval counter never exceeds 11999: 14 bits and an equality compare.
module usb_sof_timer (
  input             clk,
  input             rst,
  input             en,
  output reg        sof,
  output reg [10:0] frame_num
);
  reg [13:0] cnt;
  always @(posedge clk) begin
    if (rst) begin
      cnt       <= 14'd0;
      sof       <= 1'b0;
      frame_num <= 11'd0;
    end else begin
      sof <= 1'b0;
      if (en) begin
        if (cnt == 14'd11999) begin
          cnt       <= 14'd0;
          sof       <= 1'b1;
          frame_num <= frame_num + 1'b1;
        end else begin
          cnt <= cnt + 1'b1;
        end
      end
    end
  end
endmodule
