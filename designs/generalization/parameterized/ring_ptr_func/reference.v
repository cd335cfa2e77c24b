// Round-robin slot pointer over SLOTS slots with a pointer of just the width it needs.
module slot_sched #(
    parameter SLOTS = 6
) (
    input  wire       clk,
    input  wire       rst,
    input  wire       adv,
    output wire [2:0] slot,
    output reg        frame_start
);
    localparam PW = $clog2(SLOTS);
    reg [PW-1:0] ptr;
    wire wrap = (ptr == SLOTS - 1);

    always @(posedge clk) begin
        if (rst) begin
            ptr         <= 0;
            frame_start <= 1'b0;
        end else begin
            frame_start <= adv & wrap;
            if (adv) ptr <= wrap ? {PW{1'b0}} : ptr + 1'b1;
        end
    end
    assign slot = ptr;
endmodule
