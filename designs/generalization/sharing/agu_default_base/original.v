// Address generation: base+displacement, base+index, index+stride post-increment, or the base
// itself; an if/else-if chain on the addressing mode, one adder per mode.
module agu_next (
  input  wire [1:0]  mode,
  input  wire [15:0] base,
  input  wire [15:0] idx,
  input  wire [15:0] stride,
  input  wire [7:0]  disp,
  output reg  [15:0] addr
);
  always @* begin
    if (mode == 2'd0)
      addr = base + {{8{disp[7]}}, disp};
    else if (mode == 2'd1)
      addr = base + idx;
    else if (mode == 2'd2)
      addr = idx + stride;
    else
      addr = base;
  end
endmodule
