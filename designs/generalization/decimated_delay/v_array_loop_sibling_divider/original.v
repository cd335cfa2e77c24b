// Level meter: a 6-bit ADC code is held for one decimation period (a
// down-counting divider raises a tick every 5 clocks) and passed through a
// generic 15-stage clock-rate alignment delay before it is compared.
module tick_div (
  input clk, input arst_n, output tick
);
  reg [2:0] cnt;
  always @(posedge clk or negedge arst_n)
    if (!arst_n) cnt <= 3'd4;
    else if (cnt == 3'd0) cnt <= 3'd4;
    else cnt <= cnt - 3'd1;
  assign tick = (cnt == 3'd0);
endmodule

module hold6 (
  input clk, input arst_n, input ld, input [5:0] d, output reg [5:0] q
);
  always @(posedge clk or negedge arst_n)
    if (!arst_n) q <= 6'd0;
    else if (ld) q <= d;
endmodule

module align_delay #(parameter WD = 4, parameter DEPTH = 4) (
  input clk, input arst_n, input [WD-1:0] din, output [WD-1:0] dout
);
  reg [WD-1:0] pipe [0:DEPTH-1];
  integer k;
  always @(posedge clk or negedge arst_n)
    if (!arst_n) begin
      for (k = 0; k < DEPTH; k = k + 1) pipe[k] <= {WD{1'b0}};
    end else begin
      for (k = DEPTH - 1; k > 0; k = k - 1) pipe[k] <= pipe[k-1];
      pipe[0] <= din;
    end
  assign dout = pipe[DEPTH-1];
endmodule

module level_meter (
  input clk, input arst_n, input [5:0] adc,
  output [5:0] aligned, output over
);
  wire tick;
  wire [5:0] held;
  tick_div u_div (.clk(clk), .arst_n(arst_n), .tick(tick));
  hold6 u_hold (.clk(clk), .arst_n(arst_n), .ld(tick), .d(adc), .q(held));
  align_delay #(.WD(6), .DEPTH(15)) u_align (.clk(clk), .arst_n(arst_n), .din(held), .dout(aligned));
  assign over = aligned > held;
endmodule
