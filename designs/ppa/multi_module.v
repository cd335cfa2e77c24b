// Several modules in one file: a two-stage pipeline of instantiated adders (top: pipe_top).
module half_add (input a, input b, output s, output c);
  assign s = a ^ b;
  assign c = a & b;
endmodule

module add4 (input [3:0] a, input [3:0] b, output [4:0] s);
  assign s = a + b;
endmodule

module pipe_top (input clk, input [3:0] a, input [3:0] b, input [3:0] c, output reg [5:0] y);
  wire [4:0] ab;
  reg [4:0] ab_q;
  reg [3:0] c_q;
  wire hs, hc;
  add4 u_ab (.a(a), .b(b), .s(ab));
  half_add u_h (.a(ab_q[0]), .b(c_q[0]), .s(hs), .c(hc));
  always @(posedge clk) begin
    ab_q <= ab;
    c_q <= c;
    y <= {1'b0, ab_q} + {2'b0, c_q} + {5'b0, hs & hc};
  end
endmodule
