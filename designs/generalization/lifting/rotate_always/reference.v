module rotl16 (
  input      [15:0] a,
  input      [3:0]  r,
  output     [15:0] y
);
  wire [31:0] doubled = {a, a} << r;
  assign y = doubled[31:16];
endmodule
