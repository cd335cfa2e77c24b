// Deadline pick of a 4-queue packet scheduler: now + slack[i] < now + slack[j] iff
// slack[i] < slack[j] (17-bit sums do not wrap): compare the slacks in one pass and add the
// current time once, to the winner.
module edf4_slack (
    input  wire [15:0] now,
    input  wire [31:0] slack,
    input  wire [3:0]  ready,
    output reg  [1:0]  q,
    output wire [16:0] q_deadline,
    output reg         q_valid
);
    reg [7:0] best;
    integer i;
    always @* begin
        q = 2'd0;
        best = 8'd0;
        q_valid = 1'b0;
        for (i = 0; i < 4; i = i + 1)
            if (ready[i] && (!q_valid || slack[i*8 +: 8] < best)) begin
                q = i;
                best = slack[i*8 +: 8];
                q_valid = 1'b1;
            end
    end
    assign q_deadline = q_valid ? now + best : 17'd0;
endmodule
