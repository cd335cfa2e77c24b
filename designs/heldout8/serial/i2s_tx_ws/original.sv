// I2S transmitter, 16-bit samples in 32-bit frames; WS toggles every 16 bit clocks.
module i2s_tx (
  input  logic        clk,
  input  logic        rst,
  input  logic        sck_en,
  input  logic [15:0] left,
  input  logic [15:0] right,
  output logic        sd,
  output logic        ws
);
  int          bcnt;
  logic [15:0] sh;
  always_ff @(posedge clk) begin
    if (rst) begin
      bcnt <= 0;
      ws   <= 1'b0;
      sh   <= '0;
    end else if (sck_en) begin
      if (bcnt == 31) bcnt <= 0;
      else            bcnt <= bcnt + 1;
      if (bcnt == 15 || bcnt == 31) ws <= ~ws;
      if (bcnt == 15)      sh <= right;
      else if (bcnt == 31) sh <= left;
      else                 sh <= {sh[14:0], 1'b0};
    end
  end
  assign sd = sh[15];
endmodule
