// Rotate-left unit: log-stage rotator (one W-bit mux per stage); amounts above W give 0, n == W gives x, as before.
module rotl #(
  parameter W = 32,
  parameter SW = $clog2(W)
) (
  input  wire [W-1:0]  x,
  input  wire [SW-1:0] n,
  output wire [W-1:0]  y
);
  reg [W-1:0] r;
  integer k;
  always @* begin
    r = x;
    for (k = 0; k < SW; k = k + 1)
      if (n[k] && (1 << k) < W)
        r = (r << ((1 << k) % W)) | (r >> ((W - ((1 << k) % W)) % W));
  end
  assign y = (n <= W) ? r : {W{1'b0}};   // n == W: (x << W) | (x >> 0) = x
endmodule

module rotl_unit (
  input  wire [23:0] a,
  input  wire [4:0]  amt,
  input  wire        dir_right,
  output wire [23:0] y
);
  wire [4:0] la = dir_right ? ((amt == 5'd0) ? 5'd0 : 5'd24 - amt) : amt;
  rotl #(.W(24), .SW(5)) u_rot (.x(a), .n(la), .y(y));
endmodule
