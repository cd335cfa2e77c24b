module arb_read (input clk, input rst, input [7:0] req, input [127:0] d, output [15:0] q, output reg [7:0] gnt);
  always @(posedge clk)
    if (rst) gnt <= 8'd0;
    else gnt <= req & (~req + 8'd1);
  wire z = ~|gnt[7:1];
  assign q = ({16{z}} & d[15:0]) | ({16{gnt[1]}} & d[31:16]) | ({16{gnt[2]}} & d[47:32]) |
             ({16{gnt[3]}} & d[63:48]) | ({16{gnt[4]}} & d[79:64]) | ({16{gnt[5]}} & d[95:80]) |
             ({16{gnt[6]}} & d[111:96]) | ({16{gnt[7]}} & d[127:112]);
endmodule
