// Picks the larger of two unsigned 10-bit samples; the comparison is the
// sign of a signed difference computed as a 32-bit integer inside a function.
module pick_larger (
  input  wire [9:0] p,
  input  wire [9:0] q,
  output wire [9:0] big,
  output wire       p_won
);
  function p_not_less;
    input [9:0] x;
    input [9:0] y;
    integer delta;
    begin
      delta = x - y;
      p_not_less = (delta >= 0);
    end
  endfunction

  assign p_won = p_not_less(p, q);
  assign big   = p_won ? p : q;
endmodule
