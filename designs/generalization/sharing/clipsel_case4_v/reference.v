// Four-lane clip select (Verilog-2001): select the sample first, then one comparator and one clip mux.
module clipsel4 (
  input             clk,
  input             rst_n,
  input      [2:0]  lane,
  input      [15:0] lim,
  input      [15:0] s0, s1, s2, s3, byp,
  output reg [15:0] q
);
  reg [15:0] p;
  reg [15:0] r;
  always @* begin
    case (lane)
      3'd0:    p = s0;
      3'd1:    p = s1;
      3'd2:    p = s2;
      3'd3:    p = s3;
      default: p = byp;
    endcase
    r = (p > lim) ? lim : p;
  end
  always @(posedge clk or negedge rst_n)
    if (!rst_n) q <= 16'd0;
    else        q <= r;
endmodule
