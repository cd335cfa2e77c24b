// Lap timer kept as four digit counters (mod 10, 6, 10, 6), each counting on the carry of the ones below.
module lap_timer (
  input  wire       clk,
  input  wire       rst_n,
  input  wire       sec_pulse,
  input  wire       restart,
  output reg  [3:0] d_min10,
  output reg  [3:0] d_min1,
  output reg  [3:0] d_sec10,
  output reg  [3:0] d_sec1
);
  wire c0 = (d_sec1 == 4'd9);
  wire c1 = c0 && (d_sec10 == 4'd5);
  wire c2 = c1 && (d_min1 == 4'd9);
  wire c3 = c2 && (d_min10 == 4'd5);
  always @(posedge clk) begin
    if (!rst_n || restart) begin
      d_sec1 <= 4'd0; d_sec10 <= 4'd0; d_min1 <= 4'd0; d_min10 <= 4'd0;
    end else if (sec_pulse) begin
      d_sec1 <= c0 ? 4'd0 : d_sec1 + 4'd1;
      if (c0) d_sec10 <= c1 ? 4'd0 : d_sec10 + 4'd1;
      if (c1) d_min1  <= c2 ? 4'd0 : d_min1 + 4'd1;
      if (c2) d_min10 <= c3 ? 4'd0 : d_min10 + 4'd1;
    end
  end
endmodule
