// One multiplier on the selected coefficient; overflow from the sign bits of the 15-bit sum.
module mac_top (
  input  logic               clk,
  input  logic               rst,
  input  logic               en,
  input  logic               sel,
  input  logic signed [5:0]  x,
  input  logic signed [5:0]  c0,
  input  logic signed [5:0]  c1,
  output logic signed [13:0] acc
);
  logic signed [5:0]  c;
  logic signed [11:0] p;
  logic signed [14:0] s;
  always_comb begin
    c = sel ? c1 : c0;
    p = x * c;
    s = acc + p;
  end
  always_ff @(posedge clk) begin
    if (rst)     acc <= '0;
    else if (en) begin
      if (s[14] != s[13]) acc <= s[14] ? 14'sh2000 : 14'sh1FFF;
      else                acc <= s[13:0];
    end
  end
endmodule
