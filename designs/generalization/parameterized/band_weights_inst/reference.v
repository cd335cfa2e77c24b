// Three-band equaliser output stage: the weights in use (6, 23, 60) as shift/add networks.
module wtap #(
    parameter       W = 12,
    parameter [5:0] K = 6'd3
) (
    input  wire           clk,
    input  wire [W-1:0]   d,
    output reg  [W+5:0]   q
);
    wire [W+5:0] p;
    generate
        if (K == 6)       assign p = {d, 2'b00} + {d, 1'b0};
        else if (K == 23) assign p = {d, 5'b00000} - {d, 3'b000} - d;
        else if (K == 60) assign p = {d, 6'b000000} - {d, 2'b00};
        else              assign p = d * K;
    endgenerate
    always @(posedge clk) q <= p;
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
