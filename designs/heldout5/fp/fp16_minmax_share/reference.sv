// One ordering decision: max takes the operand min did not (equal operands are identical bit patterns).
module hp_minmax (
  input  logic [15:0] a,
  input  logic [15:0] b,
  output logic [15:0] fmin,
  output logic [15:0] fmax
);
  function automatic logic flt(input logic [15:0] x, input logic [15:0] y);
    if (x[15] != y[15]) flt = x[15];
    else if (x[15])     flt = x[14:0] > y[14:0];
    else                flt = x[14:0] < y[14:0];
  endfunction

  logic nan_a, nan_b, a_lt;
  always_comb begin
    nan_a = (&a[14:10]) & (|a[9:0]);
    nan_b = (&b[14:10]) & (|b[9:0]);
    a_lt  = flt(a, b);
    if (nan_a & nan_b)  begin fmin = 16'h7e00; fmax = 16'h7e00; end
    else if (nan_a)     begin fmin = b; fmax = b; end
    else if (nan_b)     begin fmin = a; fmax = a; end
    else begin
      fmin = a_lt ? a : b;
      fmax = a_lt ? b : a;
    end
  end
endmodule
