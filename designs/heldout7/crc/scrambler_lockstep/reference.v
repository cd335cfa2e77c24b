// Additive scrambler (x^7 + x^4 + 1) with a lock-step reference generator for loopback checking
module scr_tx (input clk, input rst, input en, input din, output dout, output [6:0] state);
  reg [6:0] s;                       // s[6] is the oldest bit
  wire fb = s[6] ^ s[3];
  assign dout  = din ^ fb;
  assign state = s;
  always @(posedge clk)
    if (rst)     s <= 7'h7F;
    else if (en) s <= {s[5:0], fb};
endmodule

module scr_loop (input clk, input rst, input en, input din, input rx,
                 output tx, output rx_data, output [6:0] state);
  scr_tx  u_tx (.clk(clk), .rst(rst), .en(en), .din(din), .dout(tx), .state(state));
  assign rx_data = rx ^ state[6] ^ state[3];
endmodule
