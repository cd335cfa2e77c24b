// Four-lane sample holder: all lane words are latched together with the lane
// number on each frame marker (in a child module); the parent only ever looks
// at the latched lane picked by the latched lane number, compares it with a
// threshold and keeps the word of the last frame that crossed it.
module lane_hold #(
    parameter LW = 12,
    parameter NL = 4
) (
    input  wire               clk,
    input  wire               arst_n,
    input  wire               frame,
    input  wire [NL*LW-1:0]   lanes,
    input  wire [1:0]         lane,
    output reg  [NL*LW-1:0]   held,
    output reg  [1:0]         lane_q
);
    always @(posedge clk or negedge arst_n) begin
        if (!arst_n) begin
            held   <= {NL*LW{1'b0}};
            lane_q <= 2'd0;
        end else if (frame) begin
            held   <= lanes;
            lane_q <= lane;
        end
    end
endmodule

module lane_watch (
    input  wire        clk,
    input  wire        arst_n,
    input  wire        frame,
    input  wire [11:0] l0,
    input  wire [11:0] l1,
    input  wire [11:0] l2,
    input  wire [11:0] l3,
    input  wire [1:0]  lane,
    input  wire [11:0] thr,
    output reg         over,
    output reg  [11:0] last_over
);
    wire [47:0] held_w;
    wire [1:0]  lane_w;
    wire [11:0] pick;

    lane_hold #(.LW(12), .NL(4)) u_hold (
        .clk(clk), .arst_n(arst_n), .frame(frame),
        .lanes({l3, l2, l1, l0}), .lane(lane),
        .held(held_w), .lane_q(lane_w)
    );

    assign pick = held_w[lane_w*12 +: 12];

    always @(posedge clk or negedge arst_n) begin
        if (!arst_n) begin
            over      <= 1'b0;
            last_over <= 12'd0;
        end else begin
            over <= (pick > thr);
            if (pick > thr) last_over <= pick;
        end
    end
endmodule
