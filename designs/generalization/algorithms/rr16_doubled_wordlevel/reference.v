// Mask-and-isolate 16-way round robin.
module rr16_dbl (
    input  wire        clk,
    input  wire        rst,
    input  wire [15:0] req,
    output wire [15:0] gnt
);
    reg  [3:0]  last;
    wire [15:0] hi   = req & ~((16'd2 << last) - 16'd1);
    wire [15:0] pick = (|hi) ? hi : req;
    assign gnt = pick & (~pick + 16'd1);
    always @(posedge clk)
        if (rst)       last <= 4'd15;
        else if (|req) last <= {|(gnt & 16'hFF00), |(gnt & 16'hF0F0), |(gnt & 16'hCCCC), |(gnt & 16'hAAAA)};
endmodule
