module cmp_unit (
    input  wire [1:0]  fn,
    input  wire [15:0] a,
    input  wire [15:0] b,
    output wire        taken
);
    wire lt = a < b;
    wire le = a <= b;
    wire gt = a > b;
    wire ge = a >= b;
    assign taken = (fn == 2'd0) ? lt :
                   (fn == 2'd1) ? le :
                   (fn == 2'd2) ? gt : ge;
endmodule
