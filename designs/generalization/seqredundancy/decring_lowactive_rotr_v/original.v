// LED column scanner: an active-low column strobe rotating right, a column index counting down beside it.
module col_scan (
  input            clk,
  input            rst_n,
  input            step,
  input      [7:0] pix,
  output reg [7:0] col_n,
  output reg [2:0] col,
  output reg       dot
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      col_n <= 8'b1111_1110;
      col   <= 3'd0;
      dot   <= 1'b0;
    end else if (step) begin
      col_n <= {col_n[0], col_n[7:1]};
      col   <= col - 3'd1;
      dot   <= pix[col];
    end
  end
endmodule
