// floor(sqrt(x)) for a 16-bit input: set result bits from the top, keep a bit if its square fits.
module isqrt16 (
  input  logic [15:0] x,
  output logic [7:0]  root
);
  function automatic logic [7:0] isqrt(input logic [15:0] v);
    logic [7:0]  r, t;
    logic [15:0] sq;
    r = 8'd0;
    for (int b = 7; b >= 0; b--) begin
      t  = r | (8'd1 << b);
      sq = t * t;
      if (sq <= v) r = t;
    end
    isqrt = r;
  endfunction

  assign root = isqrt(x);
endmodule
