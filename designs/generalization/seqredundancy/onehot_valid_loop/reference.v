// Reference: one valid flop; the lane vector is its decode at lane_sel.
module lane_router8 (
    input  wire        clk,
    input  wire        rst,
    input  wire        in_valid,
    input  wire [2:0]  in_lane,
    input  wire [15:0] in_data,
    input  wire        stall,
    output wire [7:0]  lane_valid,
    output reg  [15:0] lane_data,
    output reg  [2:0]  lane_sel,
    output reg         cur_valid
);
    assign lane_valid = {7'b0, cur_valid} << lane_sel;

    always @(posedge clk) begin
        if (rst) begin
            cur_valid <= 1'b0;
            lane_sel  <= 3'd0;
        end else if (!stall) begin
            cur_valid <= in_valid;
            lane_sel  <= in_lane;
        end
        if (!stall)
            lane_data <= in_data;
    end
endmodule
