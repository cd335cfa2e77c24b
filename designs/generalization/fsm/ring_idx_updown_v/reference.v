// The cursor is the decode of a 3-bit up/down counter.
module cursor8 (
  input            clk,
  input            rst,
  input            home,
  input            mv_l,
  input            mv_r,
  output     [7:0] led,
  output reg [2:0] pos
);
  always @(posedge clk) begin
    if (rst || home) pos <= 3'd4;
    else if (mv_l)   pos <= pos + 3'd1;
    else if (mv_r)   pos <= pos - 3'd1;
  end
  assign led = 8'd1 << pos;
endmodule
