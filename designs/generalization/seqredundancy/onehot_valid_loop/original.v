// Result router: one result per cycle goes to one of 8 lanes (lane chosen by the tag that
// comes with it); the per-lane valid vector is built with a for loop.
module lane_router8 (
    input  wire        clk,
    input  wire        rst,
    input  wire        in_valid,
    input  wire [2:0]  in_lane,
    input  wire [15:0] in_data,
    input  wire        stall,
    output reg  [7:0]  lane_valid,
    output reg  [15:0] lane_data,
    output reg  [2:0]  lane_sel,
    output wire        cur_valid
);
    reg [7:0] valid_next;
    reg [2:0] sel_next;
    integer i;

    assign cur_valid = lane_valid[lane_sel];

    always @* begin
        sel_next = stall ? lane_sel : in_lane;
        for (i = 0; i < 8; i = i + 1)
            valid_next[i] = (stall ? lane_valid[lane_sel] : in_valid) && (sel_next == i);
    end

    always @(posedge clk) begin
        if (rst) begin
            lane_valid <= 8'h00;
            lane_sel   <= 3'd0;
        end else begin
            lane_valid <= valid_next;
            lane_sel   <= sel_next;
        end
        if (!stall)
            lane_data <= in_data;
    end
endmodule
