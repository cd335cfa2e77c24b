// Stretches every input pulse to at least LEN clock cycles (retriggerable)
module pulse_stretch #(parameter LEN = 8) (
  input clk, input rst, input trig, output busy, output [15:0] remaining
);
  reg [$clog2(LEN+1)-1:0] cnt;
  always @(posedge clk) begin
    if (rst)              cnt <= 0;
    else if (trig)        cnt <= LEN;
    else if (cnt != 0)    cnt <= cnt - 1'b1;
  end
  assign busy = (cnt != 0);
  assign remaining = cnt;
endmodule

module stretch20 (input clk, input rst, input [1:0] trig, output [1:0] busy, output [15:0] rem0);
  wire [15:0] rem1;
  pulse_stretch #(.LEN(20)) u0 (.clk(clk), .rst(rst), .trig(trig[0]), .busy(busy[0]), .remaining(rem0));
  pulse_stretch #(.LEN(20)) u1 (.clk(clk), .rst(rst), .trig(trig[1]), .busy(busy[1]), .remaining(rem1));
endmodule
