// Per-lane energy accumulators: the tagged lane is read once, one adder
// computes its sum and the lane that matches the tag loads it.
module lane_energy (
    input  wire        clk,
    input  wire        rst,
    input  wire        vld,
    input  wire [1:0]  tag,
    input  wire [7:0]  mag,
    input  wire [1:0]  rd_lane,
    output wire [13:0] rd_acc
);
    reg [13:0] acc [0:3];
    wire [13:0] sum = acc[tag] + {6'd0, mag};
    integer k;
    always @(posedge clk)
        for (k = 0; k < 4; k = k + 1)
            if (rst)
                acc[k] <= 14'd0;
            else if (vld && tag == k)
                acc[k] <= sum;
    assign rd_acc = acc[rd_lane];
endmodule
