// Periodic tick timer: prescaler then a reload timer, both in 32-bit registers.
module tick_timer #(
  parameter PRESC  = 1000,
  parameter PERIOD = 100
) (
  input  wire clk,
  input  wire rst,
  input  wire en,
  output reg  tick
);
  reg [31:0] pre, cnt;
  always @(posedge clk) begin
    tick <= 1'b0;
    if (rst) begin
      pre <= 32'd0;
      cnt <= 32'd0;
    end else if (en) begin
      if (pre >= PRESC - 1) begin
        pre <= 32'd0;
        if (cnt >= PERIOD - 1) begin
          cnt  <= 32'd0;
          tick <= 1'b1;
        end else
          cnt <= cnt + 32'd1;
      end else
        pre <= pre + 32'd1;
    end
  end
endmodule

module sys_tick (
  input  wire clk,
  input  wire rst,
  input  wire en,
  output wire tick_1ms
);
  // 48 MHz / 48 = 1 MHz, / 1000 = 1 kHz
  tick_timer #(.PRESC(48), .PERIOD(1000)) u_t (.clk(clk), .rst(rst), .en(en), .tick(tick_1ms));
endmodule
