// Per-lane energy accumulators: a generate loop gives every lane its own
// 14-bit adder; only the lane named by the sample's tag accumulates.
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
    genvar g;
    generate
        for (g = 0; g < 4; g = g + 1) begin : lane
            always @(posedge clk)
                if (rst)
                    acc[g] <= 14'd0;
                else if (vld && tag == g)
                    acc[g] <= acc[g] + {6'd0, mag};
        end
    endgenerate
    assign rd_acc = acc[rd_lane];
endmodule
