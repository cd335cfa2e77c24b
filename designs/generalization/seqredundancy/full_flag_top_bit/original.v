// Credit counter for an 8-entry downstream buffer: 'full' and 'empty' are registered flags
// kept beside the 4-bit occupancy, updated from the same push/pop decisions.
module credit_flags (
    input  wire       clk,
    input  wire       rst,
    input  wire       push,
    input  wire       pop,
    output reg  [3:0] used,
    output reg        full,
    output reg        empty
);
    wire do_push = push && !full;
    wire do_pop  = pop && !empty;

    always @(posedge clk) begin
        if (rst) begin
            used  <= 4'd0;
            full  <= 1'b0;
            empty <= 1'b1;
        end else if (do_push && !do_pop) begin
            used  <= used + 4'd1;
            full  <= (used == 4'd7);
            empty <= 1'b0;
        end else if (do_pop && !do_push) begin
            used  <= used - 4'd1;
            full  <= 1'b0;
            empty <= (used == 4'd1);
        end
    end
endmodule
