// Eight leaky buckets kept as signed 16-bit levels: +3 per event (capped at 60),
// -1 per drain (floored at 0).
module buckets8 (
  input  wire       clk,
  input  wire       rst_n,
  input  wire [7:0] ev,
  input  wire [7:0] drain,
  output wire [7:0] full,
  output wire [7:0] empty
);
  reg signed [15:0] lvl [0:7];
  genvar i;
  generate
    for (i = 0; i < 8; i = i + 1) begin : b
      always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
          lvl[i] <= 16'sd0;
        else if (ev[i])
          lvl[i] <= (lvl[i] + 16'sd3 > 16'sd60) ? 16'sd60 : lvl[i] + 16'sd3;
        else if (drain[i])
          lvl[i] <= (lvl[i] - 16'sd1 < 16'sd0) ? 16'sd0 : lvl[i] - 16'sd1;
      end
      assign full[i]  = lvl[i] >= 16'sd60;
      assign empty[i] = lvl[i] <= 16'sd0;
    end
  endgenerate
endmodule
