// Lock-step core comparator (hand-optimized): NOR for "all agree", pair check for "two or more".
module lane_vote (
    input  wire [9:0] lane_a,
    input  wire [9:0] lane_b,
    input  wire       chk,
    output wire       agree,
    output wire       fatal
);
    wire [9:0] diff = lane_a ^ lane_b;
    assign agree = ~|diff;
    assign fatal = chk & |(diff & (diff - 10'd1));
endmodule
