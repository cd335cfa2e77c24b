// First-order sigma-delta modulator: W-bit accumulator, the carry out is the output bit.
module sdm1 #(
  parameter W = 16
) (
  input              clk,
  input              rst,
  input              ce,
  input      [W-1:0] din,
  output reg         bit_out
);
  reg  [W-1:0] acc;
  wire [W:0]   sum = {1'b0, acc} + {1'b0, din};

  always @(posedge clk) begin
    if (rst) begin
      acc     <= {W{1'b0}};
      bit_out <= 1'b0;
    end else if (ce) begin
      acc     <= sum[W-1:0];
      bit_out <= sum[W];
    end
  end
endmodule

module sdm_stereo (
  input         clk,
  input         rst,
  input         ce,
  input  [11:0] left,
  input  [11:0] right,
  output        dac_l,
  output        dac_r
);
  sdm1 #(.W(12)) u_l (.clk(clk), .rst(rst), .ce(ce), .din(left),  .bit_out(dac_l));
  sdm1 #(.W(12)) u_r (.clk(clk), .rst(rst), .ce(ce), .din(right), .bit_out(dac_r));
endmodule
