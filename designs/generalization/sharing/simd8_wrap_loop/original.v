// Packed byte add (wrapping lanes) for a small DSP unit; the lanes in a loop beside the word add.
module simd8_wrap_loop (
  input  wire [31:0] a,
  input  wire [31:0] b,
  input  wire        packed_op,
  output reg  [31:0] r
);
  reg [31:0] lane_sum;
  integer i;
  always @* begin
    for (i = 0; i < 4; i = i + 1)
      lane_sum[8*i +: 8] = a[8*i +: 8] + b[8*i +: 8];
    r = packed_op ? lane_sum : a + b;
  end
endmodule
