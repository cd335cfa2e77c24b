// 16-way round robin, word-level: the request vector doubled and shifted so the search starts one
// past the last winner; a priority loop over the shifted word, index added back.
module rr16_dbl (
    input  wire        clk,
    input  wire        rst,
    input  wire [15:0] req,
    output reg  [15:0] gnt
);
    reg  [3:0]  last;
    wire [31:0] dbl = {req, req} >> (last + 5'd1);
    reg  [3:0]  off;
    reg         hit;
    integer     i;
    always @* begin
        off = 4'd0;
        hit = 1'b0;
        for (i = 15; i >= 0; i = i - 1)
            if (dbl[i]) begin off = i; hit = 1'b1; end
        gnt = hit ? (16'd1 << (last + 4'd1 + off)) : 16'd0;
    end
    always @(posedge clk)
        if (rst)      last <= 4'd15;
        else if (hit) last <= last + 4'd1 + off;
endmodule
