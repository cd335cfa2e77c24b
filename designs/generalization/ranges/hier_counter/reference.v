module modn #(parameter N = 10) (
  input             clk, rst, en,
  output reg [15:0] q,
  output            tc
);
  reg [3:0] c;
  always @(posedge clk) begin
    if (rst) c <= 4'd0;
    else if (en) c <= (c == N - 1) ? 4'd0 : c + 4'd1;
  end
  always @(posedge clk) q <= rst ? 16'd0 : {12'd0, c};
  assign tc = en && c == N - 1;
endmodule

module two_timers (
  input         clk, rst, en,
  output [15:0] q,
  output        tc
);
  modn #(.N(10)) u (.clk(clk), .rst(rst), .en(en), .q(q), .tc(tc));
endmodule
