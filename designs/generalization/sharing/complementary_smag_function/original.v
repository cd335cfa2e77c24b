// Min and max of two 12-bit sign-magnitude samples (-0 ordered below +0), each from its own compare.
module smag_minmax (
  input  [11:0] p,
  input  [11:0] q,
  output [11:0] lo,
  output [11:0] hi
);
  function smlt;  // x < y in sign-magnitude order, -0 < +0
    input [11:0] x, y;
    begin
      if (x[11] != y[11]) smlt = x[11];
      else if (x[11])     smlt = x[10:0] > y[10:0];
      else                smlt = x[10:0] < y[10:0];
    end
  endfunction
  assign lo = smlt(p, q) ? p : q;
  assign hi = smlt(q, p) ? p : q;
endmodule
