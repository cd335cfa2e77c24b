module satacc_r (
  input             clk, rst,
  input      [3:0]  sample,
  output     [15:0] level,
  output            full
);
  reg  [9:0]  total;
  wire [10:0] sum = total + sample;
  always @(posedge clk)
    total <= rst ? 10'd0 : (sum > 11'd1000 ? 10'd1000 : sum[9:0]);
  assign level = {6'd0, total};
  assign full  = total == 10'd1000;
endmodule
