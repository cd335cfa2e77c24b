// Reference: the child flip-flop holds the binary index; the code is one XOR layer on its output.
module dffe_r #(parameter W = 8) (input clk, input rst, input en, input [W-1:0] d, output reg [W-1:0] q);
  always @(posedge clk)
    if (rst) q <= {W{1'b0}};
    else if (en) q <= d;
endmodule

module ring_gray (input clk, input rst, input step, input back, output [6:0] code, output [6:0] idx);
  wire [6:0] b;
  dffe_r #(.W(7)) u_q (.clk(clk), .rst(rst), .en(step), .d(back ? b - 7'd1 : b + 7'd1), .q(b));
  assign code = b ^ (b >> 1);
  assign idx = b;
endmodule
