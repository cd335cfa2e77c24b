module burst_ctr (
    input  wire       clk,
    input  wire       rst,
    input  wire       start,
    input  wire       beat,
    output reg  [3:0] beat_no,
    output wire [3:0] remaining,
    output wire       last_beat,
    output wire       active
);
    reg run;
    wire at_end = &beat_no;
    always @(posedge clk) begin
        if (rst) begin
            run     <= 1'b0;
            beat_no <= 4'd0;
        end else if (start && !run) begin
            run     <= 1'b1;
            beat_no <= 4'd0;
        end else if (run && beat) begin
            beat_no <= beat_no + 4'd1;
            if (at_end)
                run <= 1'b0;
        end
    end
    assign remaining = ~beat_no;
    assign last_beat = run & at_end;
    assign active    = run;
endmodule
