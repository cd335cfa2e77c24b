module lane_gen_v (
    input  [23:0] lanes,
    input  [7:0]  ref_lane,
    input  [7:0]  key,
    output        any_diff
);
    assign any_diff = (lanes[7:0] != ref_lane) | (lanes[15:8] != ref_lane) | (lanes[23:16] != ref_lane);
endmodule
