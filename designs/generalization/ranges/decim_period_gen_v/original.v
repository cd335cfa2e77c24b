// Three decimating integrators in a generate loop; lane k sums 2*(k+1) samples, then dumps.
module decim3 (
  input             clk,
  input             rst,
  input             en,
  input      [23:0] din,      // three 8-bit samples, lane k in bits [8k +: 8]
  output     [47:0] dout,     // three 16-bit sums
  output     [2:0]  dvalid
);
  genvar k;
  generate
    for (k = 0; k < 3; k = k + 1) begin : lane
      reg [7:0]  n;
      reg [19:0] acc;
      reg [15:0] q;
      reg        v;
      always @(posedge clk) begin
        if (rst) begin
          n   <= 8'd0;
          acc <= 20'd0;
          q   <= 16'd0;
          v   <= 1'b0;
        end else begin
          v <= 1'b0;
          if (en) begin
            if (n == 2 * k + 1) begin
              n   <= 8'd0;
              q   <= acc + din[8*k +: 8];
              acc <= 20'd0;
              v   <= 1'b1;
            end else begin
              n   <= n + 8'd1;
              acc <= acc + din[8*k +: 8];
            end
          end
        end
      end
      assign dout[16*k +: 16] = q;
      assign dvalid[k] = v;
    end
  endgenerate
endmodule
