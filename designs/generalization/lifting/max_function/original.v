module peak (
  input  [15:0] x,
  input  [15:0] y,
  output [15:0] m
);
  function automatic greater(input [15:0] p, input [15:0] q);
    integer k;
    reg decided;
    begin
      greater = 1'b0;
      decided = 1'b0;
      for (k = 15; k >= 0; k = k - 1) begin
        if (!decided && (p[k] != q[k])) begin
          greater = p[k];
          decided = 1'b1;
        end
      end
    end
  endfunction
  assign m = greater(x, y) ? x : y;
endmodule
