// Baud-rate phase generator: a 16-bit divider steps a 3-bit phase every BAUD clocks; the sample strobe
// register is high for the second half of each bit (phases 4..7)
module baud_phase #(parameter BAUD = 434) (
  input            clk,
  input            rst,
  input            en,
  output reg       late_half,
  output reg [2:0] ph
);
  reg [15:0] div;
  always @(posedge clk)
    if (rst || !en) begin
      div <= 16'd0; ph <= 3'd0; late_half <= 1'b0;
    end else if (div == BAUD - 1) begin
      div <= 16'd0;
      ph <= ph + 3'd1;
      case (ph)
        3'd3: late_half <= 1'b1;
        3'd7: late_half <= 1'b0;
        default: ;
      endcase
    end else
      div <= div + 16'd1;
endmodule

module uart_ph (input clk, input rst, input en, output late, output [2:0] ph);
  baud_phase #(.BAUD(87)) u_b (.clk(clk), .rst(rst), .en(en), .late_half(late), .ph(ph));
endmodule
