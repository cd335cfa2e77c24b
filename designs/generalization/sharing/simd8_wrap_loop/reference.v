// One 35-bit adder with three separator bits (1 passes the carry, 0 stops it).
module simd8_wrap_loop (
  input  wire [31:0] a,
  input  wire [31:0] b,
  input  wire        packed_op,
  output wire [31:0] r
);
  wire        p = ~packed_op;
  wire [34:0] s = {a[31:24], p, a[23:16], p, a[15:8], p, a[7:0]}
                + {b[31:24], 1'b0, b[23:16], 1'b0, b[15:8], 1'b0, b[7:0]};
  assign r = {s[34:27], s[25:18], s[16:9], s[7:0]};
endmodule
