// Stretches every input pulse to at least LEN clock cycles (retriggerable)
module pulse_stretch #(parameter LEN = 8) (
  input clk, input rst, input trig, output reg busy, output [15:0] remaining
);
  reg [15:0] cnt;
  always @(posedge clk) begin
    if (rst) begin
      cnt <= 16'd0; busy <= 1'b0;
    end else if (trig) begin
      cnt <= LEN; busy <= 1'b1;
    end else if (cnt != 16'd0) begin
      cnt  <= cnt - 16'd1;
      busy <= (cnt != 16'd1);
    end
  end
  assign remaining = cnt;
endmodule

module stretch20 (input clk, input rst, input [1:0] trig, output [1:0] busy, output [15:0] rem0);
  wire [15:0] rem1;
  pulse_stretch #(.LEN(20)) u0 (.clk(clk), .rst(rst), .trig(trig[0]), .busy(busy[0]), .remaining(rem0));
  pulse_stretch #(.LEN(20)) u1 (.clk(clk), .rst(rst), .trig(trig[1]), .busy(busy[1]), .remaining(rem1));
endmodule
