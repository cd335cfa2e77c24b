// baud-rate divider: the count is an output reg declared 16-bit but wraps at 433
module baud_div (
  input             clk,
  input             rst_n,
  input             en,
  output reg [15:0] count,
  output reg        tick
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      count <= 16'd0;
      tick  <= 1'b0;
    end else if (en) begin
      if (count == 16'd433) begin
        count <= 16'd0;
        tick  <= 1'b1;
      end else begin
        count <= count + 16'd1;
        tick  <= 1'b0;
      end
    end else begin
      tick <= 1'b0;
    end
  end
endmodule
