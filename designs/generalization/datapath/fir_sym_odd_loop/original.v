// 5-tap symmetric (linear-phase) FIR for an envelope filter: unsigned 12-bit samples,
// programmable 9-bit coefficients h0, h1, h2 (h3 = h1, h4 = h0), registered output.
module env_fir5 (
  input  wire        clk,
  input  wire        rst,
  input  wire [59:0] win,     // five 12-bit samples, newest in the low bits
  input  wire [26:0] h,       // {h2, h1, h0}
  output reg  [23:0] y
);
  reg [23:0] acc;
  integer i;

  always @* begin
    acc = 24'd0;
    for (i = 0; i <= 4; i = i + 1)
      acc = acc + win[12*i +: 12] * h[9*((i < 3) ? i : 4 - i) +: 9];
  end

  always @(posedge clk) begin
    if (rst) y <= 24'd0;
    else     y <= acc;
  end
endmodule
