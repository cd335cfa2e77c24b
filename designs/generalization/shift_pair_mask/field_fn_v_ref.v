module fld_unit #(parameter W = 16, parameter AW = 4) (
    input  [W-1:0]  v,
    input  [AW-1:0] msb,
    input  [AW-1:0] drop,
    output [W-1:0]  keep_lo,
    output [W-1:0]  clr_lo
);
    reg [W-1:0] m1;
    integer i;
    always @* for (i = 0; i < W; i = i + 1) m1[i] = (i <= msb);
    assign keep_lo = v & m1;
    assign clr_lo  = v & ({W{1'b1}} << drop);
endmodule

module field_fn_v (
    input  [15:0] a,
    input  [3:0]  m,
    input  [3:0]  d,
    output [15:0] lo,
    output [15:0] hi
);
    fld_unit #(.W(16), .AW(4)) u (.v(a), .msb(m), .drop(d), .keep_lo(lo), .clr_lo(hi));
endmodule
