// Baud-rate phase generator: a 7-bit divider (BAUD - 1 = 86 in the top) steps a 3-bit phase every BAUD
// clocks; the sample strobe is the phase's top bit
module baud_phase #(parameter BAUD = 434) (
  input            clk,
  input            rst,
  input            en,
  output           late_half,
  output reg [2:0] ph
);
  reg [6:0] div;
  assign late_half = ph[2];
  always @(posedge clk)
    if (rst || !en) begin
      div <= 7'd0; ph <= 3'd0;
    end else if (div == BAUD - 1) begin
      div <= 7'd0;
      ph <= ph + 3'd1;
    end else
      div <= div + 7'd1;
endmodule

module uart_ph (input clk, input rst, input en, output late, output [2:0] ph);
  baud_phase #(.BAUD(87)) u_b (.clk(clk), .rst(rst), .en(en), .late_half(late), .ph(ph));
endmodule
