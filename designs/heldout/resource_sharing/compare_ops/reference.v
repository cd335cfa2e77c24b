module cmp_unit (
    input  wire [1:0]  fn,
    input  wire [15:0] a,
    input  wire [15:0] b,
    output wire        taken
);
    // le = !gt, ge = !lt ; gt = b < a
    wire [15:0] x = fn[0] ^ fn[1] ? b : a;
    wire [15:0] y = fn[0] ^ fn[1] ? a : b;
    assign taken = (x < y) ^ fn[0];
endmodule
