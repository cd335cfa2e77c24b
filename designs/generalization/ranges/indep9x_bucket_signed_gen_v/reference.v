module buckets8 (
  input  wire       clk,
  input  wire       rst_n,
  input  wire [7:0] ev,
  input  wire [7:0] drain,
  output wire [7:0] full,
  output wire [7:0] empty
);
  reg [5:0] lvl [0:7];
  genvar i;
  generate
    for (i = 0; i < 8; i = i + 1) begin : b
      always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
          lvl[i] <= 6'd0;
        else if (ev[i])
          lvl[i] <= (lvl[i] > 6'd57) ? 6'd60 : lvl[i] + 6'd3;
        else if (drain[i])
          lvl[i] <= (lvl[i] == 6'd0) ? 6'd0 : lvl[i] - 6'd1;
      end
      assign full[i]  = lvl[i] >= 6'd60;
      assign empty[i] = lvl[i] == 6'd0;
    end
  endgenerate
endmodule
