// Round of reads over 8 lanes: a command word is sent first, then each lane gives one beat.
// Phase flags instead of an encoded state; the lane-enable vector is registered and built
// with a loop comparing each lane number to the next lane (lane 0 at the start of a round).
module lane_collect8 (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        start,
    input  wire [15:0] cmd,
    input  wire [127:0] lane_data,
    input  wire [7:0]  lane_valid,
    output reg  [7:0]  lane_en,
    input  wire        room,
    output reg  [15:0] out_word,
    output reg         out_stb,
    output reg         round_done
);
    reg       in_cmd;      // command phase
    reg       in_lanes;    // lane phase
    reg [2:0] lane;
    reg [2:0] lane_nx;
    reg [7:0] en_nx;
    reg       lane_on;     // lane_en is zero or the decode of lane
    reg       in_cmd_nx, in_lanes_nx;
    integer   i;

    wire take = lane_on & lane_valid[lane];

    always @* lane_en = lane_on ? (8'd1 << lane) : 8'd0;

    always @* begin
        in_cmd_nx   = in_cmd;
        in_lanes_nx = in_lanes;
        lane_nx     = lane;
        if (!in_cmd && !in_lanes) begin
            lane_nx = 3'd0;
            if (start)
                in_cmd_nx = 1'b1;
        end else if (in_cmd) begin
            if (room) begin
                in_cmd_nx   = 1'b0;
                in_lanes_nx = 1'b1;
            end
        end else if (take) begin
            lane_nx = lane + 3'd1;
            if (lane == 3'd7)
                in_lanes_nx = 1'b0;
        end
        if (in_cmd)
            en_nx = {7'd0, room};   // the round always starts at lane 0
        else
            for (i = 0; i < 8; i = i + 1)
                en_nx[i] = in_lanes_nx && room && (lane_nx == i);
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            in_cmd     <= 1'b0;
            in_lanes   <= 1'b0;
            lane       <= 3'd0;
            lane_on    <= 1'b0;
            out_word   <= 16'd0;
            out_stb    <= 1'b0;
            round_done <= 1'b0;
        end else begin
            in_cmd     <= in_cmd_nx;
            in_lanes   <= in_lanes_nx;
            lane       <= lane_nx;
            lane_on    <= |en_nx;
            out_stb    <= (in_cmd && room) || take;
            round_done <= take && lane == 3'd7;
            if (in_cmd && room)
                out_word <= cmd;
            else if (take)
                out_word <= lane_data[lane*16 +: 16];
        end
    end
endmodule
