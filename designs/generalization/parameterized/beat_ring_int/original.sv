// Beat scheduler over BEATS beats: the position is kept in an int and advanced by an automatic
// function with a case on the position, as in the transaction-level model it was ported from.
module beat_ring #(
    parameter int BEATS = 5
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       step,
    output logic [2:0] beat,
    output logic       last_beat
);
    function automatic int advance(input int pos);
        case (pos)
            BEATS - 1: advance = 0;
            default:   advance = pos + 1;
        endcase
    endfunction

    int pos_q;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)    pos_q <= 0;
        else if (step) pos_q <= advance(pos_q);
    end

    assign beat      = pos_q[2:0];
    assign last_beat = (pos_q == BEATS - 1);
endmodule
