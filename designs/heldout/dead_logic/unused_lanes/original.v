module lane_checksum #(parameter LANES = 8) (
    input  wire                 clk,
    input  wire                 rst_n,
    input  wire [LANES*8-1:0]   data,
    input  wire                 valid,
    output reg  [9:0]           sum_lo,
    output wire                 any_err
);
    wire [7:0] lane   [0:LANES-1];
    wire [7:0] lane_x [0:LANES-1];
    wire [LANES-1:0] perr;

    genvar g;
    generate
        for (g = 0; g < LANES; g = g + 1) begin : g_lane
            assign lane[g]   = data[g*8 +: 8];
            assign lane_x[g] = lane[g] ^ {lane[g][6:0], lane[g][7]};
            assign perr[g]   = ^lane[g];
        end
    endgenerate

    // full-width checksum of every lane, kept for a debug port that was removed
    reg [10:0] sum_all;
    integer i;
    always @(*) begin
        sum_all = 11'd0;
        for (i = 0; i < LANES; i = i + 1)
            sum_all = sum_all + lane_x[i];
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            sum_lo <= 10'd0;
        else if (valid)
            sum_lo <= lane_x[0] + lane_x[1] + lane_x[2] + lane_x[3] + (sum_all & 11'h000);
    end

    assign any_err = |(perr & {{(LANES-4){1'b0}}, 4'hF});
endmodule
