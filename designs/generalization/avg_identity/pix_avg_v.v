// Verilog: a child averages two pixels without a wider adder (floor), a second child rounds up.
module avg_floor #(parameter W = 8) (input [W-1:0] x, input [W-1:0] y, output [W-1:0] m);
    assign m = (x & y) + ((x ^ y) >> 1);
endmodule

module avg_ceil #(parameter W = 8) (input [W-1:0] x, input [W-1:0] y, output [W-1:0] m);
    wire [W-1:0] d = x ^ y;
    assign m = (x | y) - (d >> 1);
endmodule

module pix_avg_v (
    input  [11:0] p0, p1, p2, p3,
    output [11:0] lo, hi
);
    avg_floor #(.W(12)) u_lo (.x(p0), .y(p1), .m(lo));
    avg_ceil  #(.W(12)) u_hi (.x(p2), .y(p3), .m(hi));
endmodule
