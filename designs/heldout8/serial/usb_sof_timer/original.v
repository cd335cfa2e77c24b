// USB full-speed start-of-frame timer: one SOF pulse and frame-number increment per 1 ms.
module sof_gen #(parameter PERIOD = 48000) (
  input             clk,
  input             rst,
  input             en,
  output reg        sof,
  output reg [10:0] frame
);
  reg [31:0] cnt;
  always @(posedge clk) begin
    if (rst) begin
      cnt   <= 32'd0;
      sof   <= 1'b0;
      frame <= 11'd0;
    end else begin
      sof <= 1'b0;
      if (en) begin
        if (cnt >= PERIOD - 1) begin
          cnt   <= 32'd0;
          sof   <= 1'b1;
          frame <= frame + 1'b1;
        end else begin
          cnt <= cnt + 1;
        end
      end
    end
  end
endmodule

module usb_sof_timer (
  input         clk,
  input         rst,
  input         en,
  output        sof,
  output [10:0] frame_num
);
  sof_gen #(.PERIOD(12000)) u_sof (.clk(clk), .rst(rst), .en(en), .sof(sof), .frame(frame_num));
endmodule
