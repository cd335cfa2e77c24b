// Two-path router: a packet takes the lower path when its latency plus the hop cost is not above the
// upper path's. The decision is taken from named signed differences (latency difference against
// the opposite hop-cost difference); the chosen total cost is reported as a sum.
module path_pick #(
    parameter W = 10
) (
    input  wire [W-1:0] lat_u,
    input  wire [W-1:0] lat_l,
    input  wire [W-1:0] hop_u,
    input  wire [W-1:0] hop_l,
    output wire         take_l,
    output wire [W:0]   cost
);
    wire signed [W:0] dlat = lat_l - lat_u;
    wire signed [W:0] dhop = hop_u - hop_l;
    assign take_l = dlat <= dhop;
    assign cost   = take_l ? lat_l + hop_l : lat_u + hop_u;
endmodule

module router2 (
    input  wire [8:0] lu,
    input  wire [8:0] ll,
    input  wire [8:0] hu,
    input  wire [8:0] hl,
    output wire       sel,
    output wire [9:0] c
);
    path_pick #(.W(9)) u_pp (.lat_u(lu), .lat_l(ll), .hop_u(hu), .hop_l(hl), .take_l(sel), .cost(c));
endmodule
