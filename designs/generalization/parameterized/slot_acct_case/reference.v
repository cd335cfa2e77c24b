// Receive-buffer slot accounting with one count: free slots are SLOTS - used and the flags are
// decoded from the count.
module slot_acct #(
    parameter SLOTS = 12
) (
    input  wire                          clk,
    input  wire                          rst_n,
    input  wire                          alloc,
    input  wire                          free,
    output wire                          full,
    output wire                          empty,
    output reg  [$clog2(SLOTS+1)-1:0]    used
);
    assign full  = (used == SLOTS);
    assign empty = (used == 0);

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)                       used <= 0;
        else if (alloc & ~full & ~(free & ~empty)) used <= used + 1'b1;
        else if (free & ~empty & ~(alloc & ~full)) used <= used - 1'b1;
    end
endmodule
