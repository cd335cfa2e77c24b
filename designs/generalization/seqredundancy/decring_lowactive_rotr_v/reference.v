// The strobe is the complemented decode of the column index.
module col_scan (
  input            clk,
  input            rst_n,
  input            step,
  input      [7:0] pix,
  output     [7:0] col_n,
  output reg [2:0] col,
  output reg       dot
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      col <= 3'd0;
      dot <= 1'b0;
    end else if (step) begin
      col <= col - 3'd1;
      dot <= pix[col];
    end
  end
  assign col_n = ~(8'd1 << col);
endmodule
