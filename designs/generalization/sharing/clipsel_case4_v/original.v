// Four-lane clip select (Verilog-2001): a 3-bit lane select picks one of four 16-bit samples or the
// bypass word; the picked value is clipped to a programmable limit in its own case item.
module clipsel4 (
  input             clk,
  input             rst_n,
  input      [2:0]  lane,
  input      [15:0] lim,
  input      [15:0] s0, s1, s2, s3, byp,
  output reg [15:0] q
);
  reg [15:0] r;
  always @* begin
    case (lane)
      3'd0:    r = (s0 > lim) ? lim : s0;
      3'd1:    r = (s1 > lim) ? lim : s1;
      3'd2:    r = (s2 > lim) ? lim : s2;
      3'd3:    r = (s3 > lim) ? lim : s3;
      default: r = (byp > lim) ? lim : byp;
    endcase
  end
  always @(posedge clk or negedge rst_n)
    if (!rst_n) q <= 16'd0;
    else        q <= r;
endmodule
