// Link keep-alive watchdogs: one free-running time base is shared by all
// lanes; each lane stamps the time of its last heartbeat and raises `stale`
// once the time since that stamp reaches the limit. Async active-low reset.
module time_base #(
    parameter int TBW = 20
) (
    input  logic           clk,
    input  logic           arst_n,
    output logic [TBW-1:0] now
);
    always_ff @(posedge clk or negedge arst_n) begin
        if (!arst_n) now <= '0;
        else         now <= now + 1'b1;
    end
endmodule

module lane_watch #(
    parameter int TBW   = 20,
    parameter int LIMIT = 1000
) (
    input  logic           clk,
    input  logic           arst_n,
    input  logic           beat,
    input  logic [TBW-1:0] now,
    output logic           stale
);
    logic [TBW-1:0] stamp;
    logic [TBW-1:0] age;

    assign age = now - stamp;

    always_ff @(posedge clk or negedge arst_n) begin
        if (!arst_n) begin
            stamp <= '0;
            stale <= 1'b0;
        end else begin
            stamp <= beat ? now : stamp;
            stale <= !beat && (age >= LIMIT);
        end
    end
endmodule

module keepalive #(
    parameter int LANES = 2
) (
    input  logic             clk,
    input  logic             arst_n,
    input  logic [LANES-1:0] hb,
    output logic [LANES-1:0] stale
);
    logic [11:0] now;

    time_base #(.TBW(12)) u_tb (.clk(clk), .arst_n(arst_n), .now(now));

    for (genvar l = 0; l < LANES; l++) begin : g_lane
        lane_watch #(.TBW(12), .LIMIT(1500)) u_w (
            .clk(clk), .arst_n(arst_n), .beat(hb[l]), .now(now), .stale(stale[l])
        );
    end
endmodule
