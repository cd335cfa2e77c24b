// Verilog: a function keeps the low bits of a word by shifting the excess out and back
// (amount 15 - msb), and a second path clears the low bits by shifting right then left.
module fld_unit #(parameter W = 16, parameter AW = 4) (
    input  [W-1:0]  v,
    input  [AW-1:0] msb,
    input  [AW-1:0] drop,
    output [W-1:0]  keep_lo,
    output [W-1:0]  clr_lo
);
    function [W-1:0] keep_to;
        input [W-1:0] x;
        input [AW-1:0] top;
        reg [AW-1:0] amt;
        begin
            amt = W - 1 - top;
            keep_to = (x << amt) >> amt;
        end
    endfunction
    assign keep_lo = keep_to(v, msb);
    assign clr_lo  = (v >> drop) << drop;
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
