// One comparator per channel: q' = q ? !(v <= dn) : (v >= up) = carry(v + ~(q ? dn : up) + !q) ^ ... written as
// v + ~th + !q: carry-in 1 gives v >= up, carry-in 0 gives v > dn.
module schmitt_bank (
  input            clk,
  input            rst,
  input     [23:0] v,
  input     [7:0]  up,
  input     [7:0]  dn,
  output reg [2:0] q
);
  integer i;
  reg [8:0] s;
  always @(posedge clk)
    if (rst) q <= 3'd0;
    else
      for (i = 0; i < 3; i = i + 1) begin
        s = {1'b0, v[8*i +: 8]} + {1'b0, ~(q[i] ? dn : up)} + !q[i];
        q[i] <= s[8];
      end
endmodule
