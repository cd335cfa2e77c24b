// Right-shift alignment of a 32-bit fraction with a sticky flag, all in one always block:
// the shifted value is shifted back and compared with the input to see whether anything fell off.
module align32 (
  input      [31:0] frac,
  input      [5:0]  amt,
  output reg [31:0] q,
  output reg        st
);
  reg [31:0] back;
  always @* begin
    q    = frac >> amt;
    back = q << amt;
    st   = (back != frac);
  end
endmodule
