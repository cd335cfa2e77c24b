// Tapped delay buffer: samples written round-robin, the write pointer wraps at 9; the read index is
// loaded from a 2-bit tap select times three (0..9). The buffer is cleared by an asynchronous reset loop.
module tap_delay (input clk, input rst, input en, input [5:0] din, input [1:0] tap, output reg [5:0] dout);
  reg [5:0] buf_q [0:10-1];
  reg [3:0] wp;
  reg [3:0] rp;
  integer k;
  always @(posedge clk or posedge rst) begin
    if (rst) begin
      wp <= 4'd0;
      for (k = 0; k < 10; k = k + 1) buf_q[k] <= 6'd0;
    end else if (en) begin
      buf_q[wp] <= din;
      wp <= (wp == 4'd9) ? 4'd0 : wp + 4'd1;
    end
  end
  always @(posedge clk or posedge rst) begin
    if (rst) begin rp <= 4'd0; dout <= 6'd0; end
    else begin
      rp <= {2'b00, tap} + {1'b0, tap, 1'b0};
      dout <= buf_q[rp];
    end
  end
endmodule
