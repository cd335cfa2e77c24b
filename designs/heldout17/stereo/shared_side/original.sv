// Stereo-width control of a mixing console: the mid/side split, then each
// output channel instance adds its side signal scaled by the width gain;
// the right channel is given the negated side signal.
module ms_split #(
    parameter int W = 16
) (
    input  logic signed [W-1:0] l,
    input  logic signed [W-1:0] r,
    output logic signed [W:0]   mid,
    output logic signed [W:0]   side
);
    assign mid  = l + r;
    assign side = l - r;
endmodule

module width_chan #(
    parameter int W  = 16,
    parameter int GW = 8
) (
    input  logic signed [W:0]      mid,
    input  logic signed [W+1:0]    side,
    input  logic        [GW-1:0]   gain,      // unsigned, 2^(GW-2) = 1.0
    output logic signed [W+GW+1:0] y
);
    logic signed [W+GW+1:0] m_ext, prod;
    logic signed [GW:0]     g_s;
    always_comb begin
        g_s   = $signed({1'b0, gain});
        m_ext = mid;
        prod  = side * g_s;
        y     = (m_ext <<< (GW - 2)) + prod;
    end
endmodule

module st_width (
    input  logic              clk,
    input  logic              rst,
    input  logic              en,
    input  logic signed [7:0] l_in,
    input  logic signed [7:0] r_in,
    input  logic        [5:0] gain,
    output logic signed [15:0] l_out,
    output logic signed [15:0] r_out
);
    logic signed [8:0]  mid, side;
    logic signed [15:0] yl, yr;
    logic signed [9:0]  sp, sn;
    assign sp = side;
    assign sn = -sp;
    ms_split   #(.W(8))          u_ms (.l(l_in), .r(r_in), .mid, .side);
    width_chan #(.W(8), .GW(6))  u_l  (.mid, .side(sp), .gain, .y(yl));
    width_chan #(.W(8), .GW(6))  u_r  (.mid, .side(sn), .gain, .y(yr));
    always_ff @(posedge clk) begin
        if (rst) begin
            l_out <= '0; r_out <= '0;
        end else if (en) begin
            l_out <= yl;
            r_out <= yr;
        end
    end
endmodule
