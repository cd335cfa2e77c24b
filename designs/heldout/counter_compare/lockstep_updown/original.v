module burst_ctr (
    input  wire       clk,
    input  wire       rst,
    input  wire       start,
    input  wire       beat,
    output reg  [3:0] beat_no,
    output reg  [3:0] remaining,
    output wire       last_beat,
    output wire       active
);
    // 16-beat bursts
    reg run;
    always @(posedge clk) begin
        if (rst) begin
            run       <= 1'b0;
            beat_no   <= 4'd0;
            remaining <= 4'd15;
        end else if (start && !run) begin
            run       <= 1'b1;
            beat_no   <= 4'd0;
            remaining <= 4'd15;
        end else if (run && beat) begin
            beat_no   <= beat_no + 4'd1;
            remaining <= remaining - 4'd1;
            if (remaining == 4'd0)
                run <= 1'b0;
        end
    end
    assign last_beat = run && (remaining == 4'd0) && (beat_no == 4'd15);
    assign active    = run;
endmodule
