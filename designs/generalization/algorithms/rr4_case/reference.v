// Mask-and-isolate round robin: lowest request above the last winner, else the lowest request.
module rr4_case (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [3:0] req,
    output wire [3:0] gnt
);
    reg  [1:0] last;
    wire [3:0] hi   = req & ~((4'd2 << last) - 4'd1);
    wire [3:0] pick = (|hi) ? hi : req;
    assign gnt = pick & (~pick + 4'd1);
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)    last <= 2'd3;
        else if (|req) last <= {gnt[3] | gnt[2], gnt[3] | gnt[1]};
    end
endmodule
