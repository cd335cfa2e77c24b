// Three-channel boxcar integrate-and-dump: every 8 valid samples each channel outputs its sum.
module boxcar3 (
  input             clk,
  input             rst,
  input             valid,
  input      [29:0] samples,      // three 10-bit samples, channel c in bits [10c +: 10]
  output     [71:0] sums,         // three 24-bit sums
  output reg        sums_valid
);
  reg [2:0] phase;

  always @(posedge clk) begin
    if (rst) begin
      phase      <= 3'd0;
      sums_valid <= 1'b0;
    end else begin
      sums_valid <= valid && (phase == 3'd7);
      if (valid) phase <= phase + 3'd1;
    end
  end

  genvar c;
  generate
    for (c = 0; c < 3; c = c + 1) begin : ch
      reg [23:0] acc;
      reg [23:0] sum_q;
      always @(posedge clk) begin
        if (rst) begin
          acc   <= 24'd0;
          sum_q <= 24'd0;
        end else if (valid) begin
          if (phase == 3'd7) begin
            sum_q <= acc + samples[10*c +: 10];
            acc   <= 24'd0;
          end else begin
            acc   <= acc + samples[10*c +: 10];
          end
        end
      end
      assign sums[24*c +: 24] = sum_q;
    end
  endgenerate
endmodule
