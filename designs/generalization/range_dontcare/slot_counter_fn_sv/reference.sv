// Reference: the slot counter stays in 64..127: beacon is slot[2:0] == 0 and guard is slot[5].
// TDMA slot sequencer: a slot counter runs 64..127 (reset 64, wraps to 64) and
// marks every eighth slot of the second half-frame as a beacon slot with a
// function written with remainders and quotients of constants.
module slot_seq #(
    parameter int FIRST = 64,
    parameter int LAST  = 127
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       adv,
    output logic [7:0] slot,
    output logic       beacon,
    output logic       guard
);
    function automatic logic is_beacon(input logic [7:0] s);
        is_beacon = (s % 8 == 0) && (s / 64 == 1);
    endfunction

    always_ff @(posedge clk) begin
        if (!rst_n)           slot <= 8'(FIRST);
        else if (adv)         slot <= (slot == 8'(LAST)) ? 8'(FIRST) : slot + 8'd1;
    end

    assign beacon = (slot[2:0] == 3'd0);
    assign guard  = slot[5];
endmodule
