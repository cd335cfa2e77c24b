module full_add (input x, input y, input ci, output s, output co);
  assign s  = x ^ y ^ ci;
  assign co = (x & y) | (ci & (x ^ y));
endmodule

module rca16 (
  input  [15:0] a,
  input  [15:0] b,
  input         cin,
  output [15:0] sum,
  output        cout
);
  wire [16:0] carry;
  assign carry[0] = cin;
  genvar k;
  generate
    for (k = 0; k < 16; k = k + 1) begin : bit_slice
      full_add fa (.x(a[k]), .y(b[k]), .ci(carry[k]), .s(sum[k]), .co(carry[k+1]));
    end
  endgenerate
  assign cout = carry[16];
endmodule
