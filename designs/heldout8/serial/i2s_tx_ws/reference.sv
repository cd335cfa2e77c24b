// 5-bit bit counter; WS is its top bit.
module i2s_tx (
  input  logic        clk,
  input  logic        rst,
  input  logic        sck_en,
  input  logic [15:0] left,
  input  logic [15:0] right,
  output logic        sd,
  output logic        ws
);
  logic [4:0]  bcnt;
  logic [15:0] sh;
  always_ff @(posedge clk) begin
    if (rst) begin
      bcnt <= '0;
      sh   <= '0;
    end else if (sck_en) begin
      bcnt <= bcnt + 5'd1;
      if (bcnt[3:0] == 4'hF) sh <= bcnt[4] ? left : right;
      else                   sh <= {sh[14:0], 1'b0};
    end
  end
  assign sd = sh[15];
  assign ws = bcnt[4];
endmodule
