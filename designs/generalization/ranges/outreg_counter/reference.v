// baud-rate divider: 9-bit count register, the 16-bit output port zero-extends it
module baud_div (
  input             clk,
  input             rst_n,
  input             en,
  output     [15:0] count,
  output reg        tick
);
  reg [8:0] cnt;
  assign count = {7'd0, cnt};
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      cnt  <= 9'd0;
      tick <= 1'b0;
    end else if (en) begin
      if (cnt == 9'd433) begin
        cnt  <= 9'd0;
        tick <= 1'b1;
      end else begin
        cnt  <= cnt + 9'd1;
        tick <= 1'b0;
      end
    end else begin
      tick <= 1'b0;
    end
  end
endmodule
