// 17-bit sum; overflow iff the two top bits differ (x is narrower than acc, one guard bit suffices).
module sat_accum (
    input  wire               clk,
    input  wire               rst_n,
    input  wire               clr,
    input  wire               en,
    input  wire signed [11:0] x,
    output reg  signed [15:0] acc,
    output reg                sat_hi,
    output reg                sat_lo
);
    wire [16:0] s  = {acc[15], acc} + {{5{x[11]}}, x};
    wire        hi = ~s[16] &  s[15];
    wire        lo =  s[16] & ~s[15];
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            acc    <= 16'sd0;
            sat_hi <= 1'b0;
            sat_lo <= 1'b0;
        end else if (clr) begin
            acc    <= 16'sd0;
            sat_hi <= 1'b0;
            sat_lo <= 1'b0;
        end else if (en) begin
            acc    <= (hi | lo) ? {s[16], {15{~s[16]}}} : s[15:0];
            sat_hi <= hi;
            sat_lo <= lo;
        end
    end
endmodule
