// Deadline pick of a 4-queue packet scheduler: each queue's deadline is the common current time
// plus its 8-bit slack; the earliest ready deadline wins (lowest index on ties). A function
// compares two candidates.
module edf4_slack (
    input  wire [15:0] now,
    input  wire [31:0] slack,     // four 8-bit slacks
    input  wire [3:0]  ready,
    output reg  [1:0]  q,
    output reg  [16:0] q_deadline,
    output reg         q_valid
);
    function earlier;  // candidate (v1, d1) replaces the best so far (v0, d0)
        input        v0;
        input [16:0] d0;
        input        v1;
        input [16:0] d1;
        begin
            earlier = v1 && (!v0 || d1 < d0);
        end
    endfunction

    reg [16:0] dl;
    integer i;
    always @* begin
        q = 2'd0;
        q_deadline = 17'd0;
        q_valid = 1'b0;
        for (i = 0; i < 4; i = i + 1) begin
            dl = now + slack[i*8 +: 8];
            if (earlier(q_valid, q_deadline, ready[i], dl)) begin
                q = i;
                q_deadline = dl;
                q_valid = 1'b1;
            end
        end
    end
endmodule
