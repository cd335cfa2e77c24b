// Link keep-alive watchdogs: each lane counts the cycles since its last
// heartbeat (no shared time base, no stamps, no subtractors).
module lane_watch #(
    parameter int TBW   = 20,
    parameter int LIMIT = 1000
) (
    input  logic           clk,
    input  logic           arst_n,
    input  logic           beat,
    output logic           stale
);
    logic [TBW-1:0] age;

    always_ff @(posedge clk or negedge arst_n) begin
        if (!arst_n) begin
            age   <= '0;
            stale <= 1'b0;
        end else begin
            age   <= beat ? TBW'(1) : age + 1'b1;
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
    for (genvar l = 0; l < LANES; l++) begin : g_lane
        lane_watch #(.TBW(12), .LIMIT(1500)) u_w (
            .clk(clk), .arst_n(arst_n), .beat(hb[l]), .stale(stale[l])
        );
    end
endmodule
