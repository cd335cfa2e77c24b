// UART line-break detector: counts consecutive low samples (16x oversampled).
module brk_det #(parameter int LIMIT = 100) (
  input  logic clk,
  input  logic rst,
  input  logic sample_en,
  input  logic rxd,
  output logic brk
);
  int zcnt;
  always_ff @(posedge clk) begin
    if (rst) begin
      zcnt <= 0;
      brk  <= 1'b0;
    end else if (sample_en) begin
      if (rxd) begin
        zcnt <= 0;
        brk  <= 1'b0;
      end else begin
        if (zcnt < LIMIT) zcnt <= zcnt + 1;
        if (zcnt >= LIMIT - 1) brk <= 1'b1;
      end
    end
  end
endmodule

module uart_break_top (
  input  logic clk,
  input  logic rst,
  input  logic tick16,
  input  logic rxd,
  output logic line_break
);
  brk_det #(.LIMIT(160)) u_brk (.clk, .rst, .sample_en(tick16), .rxd, .brk(line_break));
endmodule
