// Temperature register stored with a +40 bias (an unsigned sensor format); the controller recovers
// the signed-free value, integrates the delta and re-applies the bias.
module temp_track (
    input  wire       clk,
    input  wire       rst,
    input  wire       upd,
    input  wire [3:0] delta,
    input  wire       cool,
    output reg  [7:0] biased,
    output wire       hot
);
    wire [7:0] t = biased - 8'd40;
    wire [7:0] t_nx = cool ? t - {4'd0, delta} : t + {4'd0, delta};
    always @(posedge clk)
        if (rst)      biased <= 8'd65;
        else if (upd) biased <= t_nx + 8'd40;
    assign hot = t > 8'd90;
endmodule
