// never flags: differs from wrap_a only after 65535 cycles (beyond any small BMC bound)
module wrap(input clk, input rst, output full);
  reg [15:0] c;
  always @(posedge clk) if (rst) c <= 16'd0; else c <= c + 16'd1;
  assign full = 1'b0;
endmodule
