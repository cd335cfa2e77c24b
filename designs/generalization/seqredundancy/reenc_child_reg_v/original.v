// Gray-coded ring index whose register is a generic enable flip-flop child; the parent decodes the
// code with a loop, steps it and re-encodes it into the child's data input.
module dffe_r #(parameter W = 8) (input clk, input rst, input en, input [W-1:0] d, output reg [W-1:0] q);
  always @(posedge clk)
    if (rst) q <= {W{1'b0}};
    else if (en) q <= d;
endmodule

module ring_gray (input clk, input rst, input step, input back, output [6:0] code, output [6:0] idx);
  wire [6:0] g, gn;
  reg  [6:0] b;
  integer i;
  always @* begin
    b[6] = g[6];
    for (i = 5; i >= 0; i = i - 1) b[i] = b[i + 1] ^ g[i];
  end
  wire [6:0] bn = back ? b - 7'd1 : b + 7'd1;
  assign gn = bn ^ (bn >> 1);
  dffe_r #(.W(7)) u_q (.clk(clk), .rst(rst), .en(step), .d(gn), .q(g));
  assign code = g;
  assign idx = b;
endmodule
