// Ethernet-style start-of-frame detector: a 4-byte history kept as one register per generate iteration
// of a sub-module (stage[g].d loads stage[g-1].d, async reset, valid enable); the child hands the bytes
// out as four words and the parent only compares them with constants (55 55 55 D5 and an idle 07 flag)
module byte_hist #(parameter N = 4) (
  input clk, input arst, input vld, input [7:0] rx,
  output [7:0] q0, output [7:0] q1, output [7:0] q2, output [7:0] q3
);
  genvar g;
  generate
    for (g = 0; g < N; g = g + 1) begin : stage
      reg [7:0] d;
      always @(posedge clk or posedge arst)
        if (arst) d <= 8'h00;
        else if (vld) d <= (g == 0) ? rx : stage[g-1].d;
    end
  endgenerate
  assign q0 = stage[0].d;
  assign q1 = stage[1].d;
  assign q2 = stage[2].d;
  assign q3 = stage[3].d;
endmodule

module sfd_top (input clk, input arst, input vld, input [7:0] rx, output sfd, output idle);
  wire [7:0] w0, w1, w2, w3;
  byte_hist #(.N(4)) u_hist (.clk(clk), .arst(arst), .vld(vld), .rx(rx),
                             .q0(w0), .q1(w1), .q2(w2), .q3(w3));
  assign sfd = (w3 == 8'h55) && (w2 == 8'h55) && (w1 == 8'h55) && (w0 == 8'hD5);
  assign idle = (w0 == 8'h07);
endmodule
