module pipe_occupancy (
    input  wire       clk,
    input  wire       rst,
    input  wire       in_vld,
    output wire       out_vld,
    output reg  [2:0] occ,
    output wire       empty
);
    reg [3:0] vpipe;
    integer i;
    always @(posedge clk) begin
        if (rst)
            vpipe <= 4'b0000;
        else begin
            for (i = 3; i > 0; i = i - 1)
                vpipe[i] <= vpipe[i-1];
            vpipe[0] <= in_vld;
        end
    end
    assign out_vld = vpipe[3];

    // running count of valids in flight, maintained incrementally
    always @(posedge clk) begin
        if (rst)
            occ <= 3'd0;
        else if (in_vld && !vpipe[3])
            occ <= occ + 3'd1;
        else if (!in_vld && vpipe[3])
            occ <= occ - 3'd1;
    end
    assign empty = (occ == 3'd0);
endmodule
