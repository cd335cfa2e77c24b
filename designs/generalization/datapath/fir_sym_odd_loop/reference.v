// 5-tap symmetric (linear-phase) FIR for an envelope filter: unsigned 12-bit samples,
// programmable 9-bit coefficients h0, h1, h2 (h3 = h1, h4 = h0), registered output.
// Mirrored samples are pre-added: three multipliers instead of five.
module env_fir5 (
  input  wire        clk,
  input  wire        rst,
  input  wire [59:0] win,     // five 12-bit samples, newest in the low bits
  input  wire [26:0] h,       // {h2, h1, h0}
  output reg  [23:0] y
);
  wire [12:0] p0 = win[11:0]  + win[59:48];
  wire [12:0] p1 = win[23:12] + win[47:36];
  wire [23:0] acc = p0 * h[8:0] + p1 * h[17:9] + win[35:24] * h[26:18];

  always @(posedge clk) begin
    if (rst) y <= 24'd0;
    else     y <= acc;
  end
endmodule
