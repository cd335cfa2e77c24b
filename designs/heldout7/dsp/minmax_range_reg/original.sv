// Running minimum / maximum / range of an unsigned sample stream, cleared by clr
module minmax_track (
  input  logic        clk, rst, clr, vld,
  input  logic [11:0] x,
  output logic [11:0] mn, mx, range
);
  logic [11:0] mn_n, mx_n;
  always_comb begin
    mn_n = mn;
    mx_n = mx;
    if (clr) begin
      mn_n = '1;
      mx_n = '0;
    end else if (vld) begin
      if (x < mn) mn_n = x;
      if (x > mx) mx_n = x;
    end
  end
  always_ff @(posedge clk) begin
    if (rst) begin
      mn <= '1; mx <= '0; range <= '0;
    end else begin
      mn <= mn_n;
      mx <= mx_n;
      range <= (mx_n >= mn_n) ? mx_n - mn_n : '0;
    end
  end
endmodule
