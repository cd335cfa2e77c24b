// Burst length meter: a child counts the beats of the current burst and rests at 0 between bursts;
// the count is 0 whenever no burst is active, so the parent shows it as it is.
module beat_count (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       start,
    input  wire       beat,
    input  wire       last,
    output reg        busy,
    output reg  [6:0] count
);
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            busy  <= 1'b0;
            count <= 7'd0;
        end else if (!busy) begin
            if (start) busy <= 1'b1;
        end else if (beat) begin
            if (last) begin
                busy  <= 1'b0;
                count <= 7'd0;
            end else begin
                count <= count + 7'd1;
            end
        end
    end
endmodule

module burst_meter (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       start,
    input  wire       beat,
    input  wire       last,
    output wire [6:0] level,
    output wire       long_burst
);
    wire       busy;
    wire [6:0] count;

    beat_count u_cnt (.clk(clk), .rst_n(rst_n), .start(start), .beat(beat), .last(last),
                      .busy(busy), .count(count));

    assign level      = count;
    assign long_burst = count > 7'd15;
endmodule
