// Block floating point: a 16-bit mantissa is normalized and its shift reported
// as the block exponent. The leading-zero count is a helper function.
module bfp_norm16 (
  input  wire [15:0] m,
  output wire [15:0] mant,
  output wire [4:0]  shift
);
  function [4:0] clz16;
    input [15:0] v;
    integer j;
    reg done;
    begin
      clz16 = 5'd16;
      done = 1'b0;
      for (j = 15; j >= 0; j = j - 1)
        if (!done && v[j]) begin
          clz16 = 15 - j;
          done = 1'b1;
        end
    end
  endfunction

  assign shift = clz16(m);
  assign mant  = m << shift;
endmodule
