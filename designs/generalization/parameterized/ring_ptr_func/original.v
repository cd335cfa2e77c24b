// Round-robin slot pointer over SLOTS slots; the wrap is a function of the parameter. The
// pointer and the slot counter are integers, as in the behavioural model this came from.
module slot_sched #(
    parameter SLOTS = 6
) (
    input  wire       clk,
    input  wire       rst,
    input  wire       adv,
    output wire [2:0] slot,
    output reg        frame_start
);
    function integer next_slot;
        input integer cur;
        begin
            if (cur == SLOTS - 1) next_slot = 0;
            else                  next_slot = cur + 1;
        end
    endfunction

    integer ptr;
    always @(posedge clk) begin
        if (rst) begin
            ptr         <= 0;
            frame_start <= 1'b0;
        end else begin
            frame_start <= 1'b0;
            if (adv) begin
                ptr         <= next_slot(ptr);
                frame_start <= (next_slot(ptr) == 0);
            end
        end
    end
    assign slot = ptr[2:0];
endmodule
