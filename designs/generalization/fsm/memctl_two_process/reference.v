module memctl(input clk, input rst, input rd, input wr, input rdy, output oe, output we, output [1:0] phase);
  // READ and WAITR are equivalent; 4 states in 2 bits, encoded so that phase is the state itself
  reg [1:0] cur;  // 0 idle, 1 decode, 2 read, 3 write
  always @(posedge clk or posedge rst)
    if (rst) cur <= 2'd0;
    else case (cur)
      2'd0: cur <= (rd | wr) ? 2'd1 : 2'd0;
      2'd1: cur <= wr ? 2'd3 : 2'd2;
      default: cur <= rdy ? 2'd0 : cur;
    endcase
  assign phase = cur;
  assign oe = (cur == 2'd2);
  assign we = (cur == 2'd3);
endmodule
