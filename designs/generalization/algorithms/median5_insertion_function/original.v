// Median of five 10-bit readings (sensor voting) by an insertion sort in a function.
module med5w (
  input  [9:0] a, b, c, d, e,
  output [9:0] m
);
  function [9:0] median5;
    input [49:0] v;
    reg   [9:0]  x [0:4];
    reg   [9:0]  t;
    integer i, j;
    begin
      for (i = 0; i < 5; i = i + 1) x[i] = v[10*i +: 10];
      for (i = 1; i < 5; i = i + 1)
        for (j = 5; j > 0; j = j - 1)
          if (j <= i && x[j] < x[j-1]) begin t = x[j]; x[j] = x[j-1]; x[j-1] = t; end
      median5 = x[2];
    end
  endfunction
  assign m = median5({e, d, c, b, a});
endmodule
