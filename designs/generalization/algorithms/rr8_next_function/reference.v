// Mask-and-isolate round robin from ptr: lowest request at or above ptr, else the lowest request.
module rr8_next (
    input  wire       clk,
    input  wire       rst,
    input  wire [7:0] req,
    output wire [7:0] gnt,
    output wire [2:0] gnt_idx,
    output wire       busy
);
    reg  [2:0] ptr;
    wire [7:0] hi   = req & ~((8'd1 << ptr) - 8'd1);
    wire [7:0] pick = (|hi) ? hi : req;
    assign gnt     = pick & (~pick + 8'd1);
    assign busy    = |req;
    assign gnt_idx = {|(gnt & 8'hF0), |(gnt & 8'hCC), |(gnt & 8'hAA)};
    always @(posedge clk)
        if (rst)       ptr <= 3'd0;
        else if (busy) ptr <= gnt_idx + 3'd1;
endmodule
