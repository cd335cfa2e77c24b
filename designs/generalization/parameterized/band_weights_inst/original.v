// Three-band equaliser output stage: every band is scaled by its own weight in a registered
// tap module; the weights are parameters of the instances.
module wtap #(
    parameter       W = 12,
    parameter [5:0] K = 6'd3
) (
    input  wire           clk,
    input  wire [W-1:0]   d,
    output reg  [W+5:0]   q
);
    always @(posedge clk) q <= d * K;
endmodule

module band_mix (
    input  wire        clk,
    input  wire [11:0] lo,
    input  wire [11:0] mid,
    input  wire [11:0] hi,
    output wire [17:0] lo_w,
    output wire [17:0] mid_w,
    output wire [17:0] hi_w
);
    wtap #(.W(12), .K(6'd6))  u_lo  (.clk(clk), .d(lo),  .q(lo_w));
    wtap #(.W(12), .K(6'd23)) u_mid (.clk(clk), .d(mid), .q(mid_w));
    wtap #(.W(12), .K(6'd60)) u_hi  (.clk(clk), .d(hi),  .q(hi_w));
endmodule
