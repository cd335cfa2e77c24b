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
    // lat_l - lat_u <= hop_u - hop_l  <=>  lat_l + hop_l <= lat_u + hop_u: compare the two costs
    wire [W:0] c_l = lat_l + hop_l;
    wire [W:0] c_u = lat_u + hop_u;
    assign take_l = c_l <= c_u;
    assign cost   = take_l ? c_l : c_u;
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
