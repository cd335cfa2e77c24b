module dirctl(input clk, input rst, input up, input dn, output reg [1:0] dir);
  // 3 states; the state register is the output: 00 stop, 01 up, 10 down
  always @(posedge clk)
    if (rst) dir <= 2'b00;
    else case (dir)
      2'b01: if (!up) dir <= 2'b00;
      2'b10: if (!dn) dir <= 2'b00;
      default: dir <= {dn & ~up, up & ~dn};
    endcase
endmodule
