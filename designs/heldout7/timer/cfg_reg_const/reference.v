// Periodic timer with a fixed period (the top never writes the period register)
module wdog_fixed (input clk, input rst, input run, output reg tick, output [11:0] cnt_out);
  reg [9:0] cnt;                        // counts 0..999
  always @(posedge clk) begin
    if (rst) begin cnt <= 10'd0; tick <= 1'b0; end
    else if (run) begin
      if (cnt == 10'd999) begin cnt <= 10'd0; tick <= 1'b1; end
      else begin cnt <= cnt + 10'd1; tick <= 1'b0; end
    end else tick <= 1'b0;
  end
  assign cnt_out = {2'b00, cnt};
endmodule
