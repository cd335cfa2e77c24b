// 3-deep byte delay line built by a generate loop in a sub-module; the parent only compares taps with constants
module tap_line #(parameter W = 8, parameter N = 3) (
  input clk, input rst, input en, input [W-1:0] din,
  output [W*N-1:0] taps
);
  genvar k;
  generate
    for (k = 0; k < N; k = k + 1) begin : st
      reg [W-1:0] r;
      always @(posedge clk)
        if (rst) r <= {W{1'b0}};
        else if (en) r <= (k == 0) ? din : taps[(k-1)*W +: W];
      assign taps[k*W +: W] = r;
    end
  endgenerate
endmodule

module hdr_match (input clk, input rst, input en, input [7:0] din, output hit, output ff_now);
  wire [23:0] t;
  tap_line #(.W(8), .N(3)) u_line (.clk(clk), .rst(rst), .en(en), .din(din), .taps(t));
  assign hit = (t[23:16] == 8'hC3) && (t[15:8] == 8'h3C) && (t[7:0] == 8'h99);
  assign ff_now = (t[7:0] == 8'hFF);
endmodule
