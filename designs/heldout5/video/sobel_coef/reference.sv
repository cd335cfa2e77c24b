// Kernels written out: differences of the opposite rows/columns, *2 as a shift.
module sobel3x3 (
  input  logic              clk,
  input  logic [8:0][7:0]   win,
  output logic [10:0]       edge_mag
);
  logic signed [11:0] gx, gy;
  logic        [10:0] ax, ay;
  logic signed [9:0]  dx0, dx1, dx2, dy0, dy1, dy2;
  always_comb begin
    dx0 = $signed({2'b0, win[2]}) - $signed({2'b0, win[0]});
    dx1 = $signed({2'b0, win[5]}) - $signed({2'b0, win[3]});
    dx2 = $signed({2'b0, win[8]}) - $signed({2'b0, win[6]});
    dy0 = $signed({2'b0, win[6]}) - $signed({2'b0, win[0]});
    dy1 = $signed({2'b0, win[7]}) - $signed({2'b0, win[1]});
    dy2 = $signed({2'b0, win[8]}) - $signed({2'b0, win[2]});
    gx = 12'(dx0) + 12'(dx2) + (12'(dx1) <<< 1);
    gy = 12'(dy0) + 12'(dy2) + (12'(dy1) <<< 1);
    ax = gx[11] ? 11'(-gx) : 11'(gx);
    ay = gy[11] ? 11'(-gy) : 11'(gy);
  end
  always_ff @(posedge clk) edge_mag <= ax + ay;
endmodule
