// Audio level meter: 15 partial sums of 8-bit magnitudes fit 12 bits; the block sum 12 bits.
module level_meter (
  input  logic        clk,
  input  logic        rst,
  input  logic        smp_valid,
  input  logic signed [8:0] smp,     // -256 .. 255
  output logic [31:0] level,
  output logic        level_valid
);
  logic [11:0] sum;
  logic [3:0]  n;
  logic [11:0] level_q;
  logic [7:0]  mag;

  assign mag = smp[8] ? ((smp == -9'sd256) ? 8'd255 : 8'(-smp)) : smp[7:0];

  assign level = {20'd0, level_q};

  always_ff @(posedge clk) begin
    if (rst) begin
      sum         <= '0;
      n           <= 0;
      level_q     <= '0;
      level_valid <= 1'b0;
    end else begin
      level_valid <= 1'b0;
      if (smp_valid) begin
        sum <= (n == 4'd15) ? '0 : sum + mag;
        n   <= n + 4'd1;
        if (n == 4'd15) begin
          level_q     <= sum + mag;
          level_valid <= 1'b1;
        end
      end
    end
  end
endmodule
