// Periodic timer with a programmable period register
module period_timer (
  input clk, input rst,
  input cfg_we, input [11:0] cfg_period,
  input run,
  output reg tick, output [11:0] cnt_out
);
  reg [11:0] period;
  reg [11:0] cnt;
  always @(posedge clk) begin
    if (rst) period <= 12'd999;
    else if (cfg_we) period <= cfg_period;
  end
  always @(posedge clk) begin
    if (rst) begin cnt <= 12'd0; tick <= 1'b0; end
    else if (run) begin
      if (cnt >= period) begin cnt <= 12'd0; tick <= 1'b1; end
      else begin cnt <= cnt + 12'd1; tick <= 1'b0; end
    end else tick <= 1'b0;
  end
  assign cnt_out = cnt;
endmodule

module wdog_fixed (input clk, input rst, input run, output tick, output [11:0] cnt_out);
  period_timer u_t (.clk(clk), .rst(rst), .cfg_we(1'b0), .cfg_period(12'd0), .run(run),
                    .tick(tick), .cnt_out(cnt_out));
endmodule
