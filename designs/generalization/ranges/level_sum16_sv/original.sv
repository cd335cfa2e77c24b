// Audio level meter: sums 16 rectified 8-bit samples, reports the block sum and restarts.
module level_meter (
  input  logic        clk,
  input  logic        rst,
  input  logic        smp_valid,
  input  logic signed [8:0] smp,     // -256 .. 255
  output logic [31:0] level,
  output logic        level_valid
);
  logic [31:0] sum;
  int          n;
  logic [7:0]  mag;

  assign mag = smp[8] ? ((smp == -9'sd256) ? 8'd255 : 8'(-smp)) : smp[7:0];

  always_ff @(posedge clk) begin
    if (rst) begin
      sum         <= '0;
      n           <= 0;
      level       <= '0;
      level_valid <= 1'b0;
    end else begin
      level_valid <= 1'b0;
      if (smp_valid) begin
        sum <= (n == 15) ? '0 : sum + mag;
        n   <= (n == 15) ? 0 : n + 1;
        if (n == 15) begin
          level       <= sum + mag;
          level_valid <= 1'b1;
        end
      end
    end
  end
endmodule
