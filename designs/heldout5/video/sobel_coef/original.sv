// Sobel edge magnitude |Gx| + |Gy| over a 3x3 window, kernels as coefficient tables.
module sobel3x3 (
  input  logic              clk,
  input  logic [8:0][7:0]   win,      // row-major, win[0] top-left
  output logic [10:0]       edge_mag
);
  // coefficient i in bits [3*i +: 3], two's complement
  localparam logic [26:0] KX = {3'b001, 3'b000, 3'b111, 3'b010, 3'b000, 3'b110, 3'b001, 3'b000, 3'b111};
  localparam logic [26:0] KY = {3'b001, 3'b010, 3'b001, 3'b000, 3'b000, 3'b000, 3'b111, 3'b110, 3'b111};

  function automatic logic signed [11:0] conv(input logic [8:0][7:0] p, input logic [26:0] k);
    logic signed [11:0] acc;
    acc = '0;
    for (int i = 0; i < 9; i++)
      acc = acc + $signed(k[3*i +: 3]) * $signed({1'b0, p[i]});
    conv = acc;
  endfunction

  logic signed [11:0] gx, gy;
  logic        [10:0] ax, ay;
  always_comb begin
    gx = conv(win, KX);
    gy = conv(win, KY);
    ax = gx[11] ? 11'(-gx) : 11'(gx);
    ay = gy[11] ? 11'(-gy) : 11'(gy);
  end
  always_ff @(posedge clk) edge_mag <= ax + ay;
endmodule
