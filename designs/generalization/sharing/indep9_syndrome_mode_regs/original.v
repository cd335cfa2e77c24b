// 32-bit check-byte generator (each check bit XORs a masked set of data bits).
module chk8 (
  input  wire [31:0] d,
  output wire [7:0]  c
);
  assign c[0] = ^(d & 32'hA5C3_1E69);
  assign c[1] = ^(d & 32'h5B2D_E0C7);
  assign c[2] = ^(d & 32'hC86F_3A15);
  assign c[3] = ^(d & 32'h3E91_B74A);
  assign c[4] = ^(d & 32'h97D4_0CB3);
  assign c[5] = ^(d & 32'h60BA_D95E);
  assign c[6] = ^(d & 32'hF10E_6A2D);
  assign c[7] = ^(d & 32'h2A77_C5F0);
endmodule

// Two channels time-share a phase bit: the tx check byte is only captured
// in phase 0, the rx check byte only in phase 1.
module dual_chk (
  input  wire        clk,
  input  wire        rst_n,
  input  wire [31:0] tx_word,
  input  wire [31:0] rx_word,
  output reg  [7:0]  tx_chk,
  output reg  [7:0]  rx_chk
);
  reg phase;
  wire [7:0] c_tx, c_rx;

  chk8 u_tx (.d(tx_word), .c(c_tx));
  chk8 u_rx (.d(rx_word), .c(c_rx));

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      phase  <= 1'b0;
      tx_chk <= 8'h00;
      rx_chk <= 8'h00;
    end else begin
      phase <= ~phase;
      if (phase == 1'b0) tx_chk <= c_tx;
      if (phase == 1'b1) rx_chk <= c_rx;
    end
  end
endmodule
