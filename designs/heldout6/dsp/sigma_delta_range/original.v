// First-order sigma-delta modulator (1-bit DAC), textbook error-feedback form.
module sdm1 #(
  parameter W = 16
) (
  input              clk,
  input              rst,
  input              ce,
  input      [W-1:0] din,      // unsigned level
  output reg         bit_out
);
  // headroom so the error accumulator can never overflow
  reg  [W+3:0] acc;
  wire [W+3:0] sum = acc + {4'd0, din};

  always @(posedge clk) begin
    if (rst) begin
      acc     <= {(W+4){1'b0}};
      bit_out <= 1'b0;
    end else if (ce) begin
      if (sum >= (1 << W)) begin
        acc     <= sum - (1 << W);
        bit_out <= 1'b1;
      end else begin
        acc     <= sum;
        bit_out <= 1'b0;
      end
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
