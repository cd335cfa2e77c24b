// 12-bit saturating add / clamp-at-zero subtract, continuous-assign style with a named sum wire.
module sat_as12 (
    input  wire [11:0] x,
    input  wire [11:0] y,
    input  wire        sub,
    output wire [11:0] r,
    output wire        sat
);
    wire [12:0] total = x + y;
    wire        under = x < y;
    assign r   = sub ? (under ? 12'd0 : x - y) : (total[12] ? 12'hFFF : total[11:0]);
    assign sat = sub ? under : total[12];
endmodule
