// Reference: the flags are functions of the occupancy; used never exceeds 8, so full is its top bit.
module credit_flags (
    input  wire       clk,
    input  wire       rst,
    input  wire       push,
    input  wire       pop,
    output reg  [3:0] used,
    output wire       full,
    output wire       empty
);
    assign full  = used[3];
    assign empty = (used == 4'd0);

    wire do_push = push && !full;
    wire do_pop  = pop && !empty;

    always @(posedge clk) begin
        if (rst)
            used <= 4'd0;
        else if (do_push && !do_pop)
            used <= used + 4'd1;
        else if (do_pop && !do_push)
            used <= used - 4'd1;
    end
endmodule
