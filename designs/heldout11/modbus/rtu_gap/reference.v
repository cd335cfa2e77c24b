// Reference: both timers clear on the same activity and count the same ticks,
// so the t1.5 count is always min(t3.5 count, 17): one counter saturating at
// 39 gives char_gap as count >= 17.
module rtu_gap (
    input  wire clk,
    input  wire rst_n,
    input  wire activity,
    input  wire tick,
    output wire char_gap,
    output wire frame_gap,
    output reg  frame_end
);
    reg [7:0] cnt;
    reg       frame_gap_d;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)                      cnt <= 8'd0;
        else if (activity)               cnt <= 8'd0;
        else if (tick && cnt != 8'd39)   cnt <= cnt + 1'b1;
    end

    assign char_gap  = (cnt >= 8'd17);
    assign frame_gap = (cnt == 8'd39);

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
