// Joint-stereo encoder stage: the channel word is either the sum or the difference of the two
// signed inputs (one bit wider), computed in a combinational block and registered elsewhere.
module sd_core #(parameter N = 12) (
  input  wire clk,
  input  wire en,
  input  wire diff,
  input  wire signed [N-1:0] a,
  input  wire signed [N-1:0] b,
  output reg  signed [N:0] q
);
  reg signed [N:0] sum_t;
  reg signed [N:0] dif_t;
  always @* begin
    sum_t = a + b;
    dif_t = a - b;
  end
  always @(posedge clk)
    if (en) begin
      if (diff) q <= dif_t;
      else      q <= sum_t;
    end
endmodule

module sumdiff_top (
  input  wire clk, en, diff,
  input  wire signed [13:0] a, b,
  output wire signed [14:0] q
);
  sd_core #(.N(14)) u_core (.clk(clk), .en(en), .diff(diff), .a(a), .b(b), .q(q));
endmodule
