// NTP/PTP-style clock offset and round-trip delay from four timestamps:
// offset = ((t2 - t1) + (t3 - t4)) / 2, delay = (t4 - t1) - (t3 - t2).
module ntp_calc #(
    parameter W = 32
) (
    input  wire        [W-1:0] t1,   // request sent (local)
    input  wire        [W-1:0] t2,   // request received (server)
    input  wire        [W-1:0] t3,   // reply sent (server)
    input  wire        [W-1:0] t4,   // reply received (local)
    output wire signed [W+1:0] offset2,  // 2 x offset
    output wire signed [W+1:0] delay
);
    wire signed [W:0] d21 = $signed({1'b0, t2}) - $signed({1'b0, t1});
    wire signed [W:0] d34 = $signed({1'b0, t3}) - $signed({1'b0, t4});
    wire signed [W:0] d41 = $signed({1'b0, t4}) - $signed({1'b0, t1});
    wire signed [W:0] d32 = $signed({1'b0, t3}) - $signed({1'b0, t2});
    assign offset2 = d21 + d34;
    assign delay   = d41 - d32;
endmodule

module ptp_servo_in (
    input  wire        [15:0] ts1,
    input  wire        [15:0] ts2,
    input  wire        [15:0] ts3,
    input  wire        [15:0] ts4,
    output wire signed [17:0] off2,
    output wire signed [17:0] rtt
);
    ntp_calc #(.W(16)) u_calc (.t1(ts1), .t2(ts2), .t3(ts3), .t4(ts4), .offset2(off2), .delay(rtt));
endmodule
