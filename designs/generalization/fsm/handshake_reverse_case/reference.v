module hs(input clk, input rst, input req, input ack, input abort, output busy, output done);
  reg [1:0] st;  // 00 idle, 01 req, 11 wait, 10 done (gray order)
  always @(posedge clk)
    if (rst) st <= 2'b00;
    else case (st)
      2'b00: st <= req ? 2'b01 : 2'b00;
      2'b01: st <= 2'b11;
      2'b11: st <= abort ? 2'b00 : ack ? 2'b10 : 2'b11;
      default: st <= 2'b00;
    endcase
  assign busy = st[0];
  assign done = (st == 2'b10);
endmodule
