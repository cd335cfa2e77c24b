// Strip the trailing zeros of a 16-bit word (shift right until the LSB is set) and report how many.
module norm16_right_function (
  input  wire [15:0] v,
  output wire [15:0] odd_part,
  output wire [4:0]  tz
);
  function [15:0] strip;
    input [15:0] x;
    integer k;
    begin
      strip = x;
      for (k = 0; k < 16; k = k + 1)
        if (strip != 16'd0 && !strip[0])
          strip = strip >> 1;
    end
  endfunction
  function [4:0] ntz;
    input [15:0] x;
    integer k;
    reg found;
    begin
      ntz = 5'd16;
      found = 1'b0;
      for (k = 0; k < 16; k = k + 1)
        if (!found && x[k]) begin
          ntz = k;
          found = 1'b1;
        end
    end
  endfunction
  wire [15:0] s = strip(v);
  wire [4:0]  n = ntz(v);
  assign odd_part = s;
  assign tz = n;
endmodule
