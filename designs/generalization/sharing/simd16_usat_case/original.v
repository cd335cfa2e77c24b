// Pixel adder: two 16-bit unsigned saturating lanes or one 32-bit wrapping add, picked by a mode case.
module simd16_usat_case (
  input  wire [31:0] x,
  input  wire [31:0] y,
  input  wire [1:0]  mode,    // 2'b01: 2 x 16-bit saturating, otherwise 32-bit
  output reg  [31:0] z
);
  wire [16:0] lo = x[15:0] + y[15:0];
  wire [16:0] hi = x[31:16] + y[31:16];
  always @* begin
    case (mode)
      2'b01:   z = {hi[16] ? 16'hFFFF : hi[15:0], lo[16] ? 16'hFFFF : lo[15:0]};
      default: z = x + y;
    endcase
  end
endmodule
