// per-lane wrap counters in a generate loop, 8-bit each; lane i wraps at 5*i+2
module lane_ctrs (input clk, input rst, input [3:0] en, output [3:0] wrap);
  genvar i;
  generate
    for (i = 0; i < 4; i = i + 1) begin : ln
      localparam [7:0] LIM = 5 * i + 2;
      reg [7:0] c;
      always @(posedge clk)
        if (rst) c <= 8'd0;
        else if (en[i]) c <= (c == LIM) ? 8'd0 : c + 8'd1;
      assign wrap[i] = en[i] && (c == LIM);
    end
  endgenerate
endmodule
