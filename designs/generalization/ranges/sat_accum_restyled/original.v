module satacc_r (
  input             clk, rst,
  input      [3:0]  sample,
  output     [15:0] level,
  output            full
);
  localparam [15:0] LIMIT = 16'd1000;
  reg  [15:0] total;
  wire [15:0] sum = total + sample;
  always @(posedge clk)
    total <= rst ? 16'd0 : (sum > LIMIT ? LIMIT : sum);
  assign level = total;
  assign full  = total == LIMIT;
endmodule
