// Modbus RTU inter-character (t1.5) and inter-frame (t3.5) silence detection.
// Both detectors are the same timer module, instantiated with their own
// limits; they count bit-time ticks since the last line activity.
module gap_timer #(
    parameter LIMIT = 35,      // silence length in ticks
    parameter W     = 8
) (
    input  wire clk,
    input  wire rst_n,
    input  wire activity,      // any edge on RX
    input  wire tick,          // one per bit time
    output wire expired
);
    reg [W-1:0] cnt;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)                       cnt <= {W{1'b0}};
        else if (activity)                cnt <= {W{1'b0}};
        else if (tick && cnt != LIMIT)    cnt <= cnt + 1'b1;
    end

    assign expired = (cnt == LIMIT);
endmodule

module rtu_gap (
    input  wire clk,
    input  wire rst_n,
    input  wire activity,
    input  wire tick,
    output wire char_gap,     // t1.5 elapsed: a character gap inside a frame is an error
    output wire frame_gap,    // t3.5 elapsed: frame complete
    output reg  frame_end     // one-cycle pulse when t3.5 first elapses
);
    reg frame_gap_d;

    gap_timer #(.LIMIT(17), .W(8)) u_t15 (
        .clk(clk), .rst_n(rst_n), .activity(activity), .tick(tick), .expired(char_gap));
    gap_timer #(.LIMIT(39), .W(8)) u_t35 (
        .clk(clk), .rst_n(rst_n), .activity(activity), .tick(tick), .expired(frame_gap));

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            frame_gap_d <= 1'b0;
            frame_end   <= 1'b0;
        end else begin
            frame_gap_d <= frame_gap;
            frame_end   <= frame_gap & ~frame_gap_d;
        end
    end
endmodule
