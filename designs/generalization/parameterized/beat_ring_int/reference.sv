// Beat scheduler over BEATS beats with a position register of just the width it needs.
module beat_ring #(
    parameter int BEATS = 5
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       step,
    output logic [2:0] beat,
    output logic       last_beat
);
    localparam int PW = $clog2(BEATS);
    logic [PW-1:0] pos_q;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)    pos_q <= '0;
        else if (step) pos_q <= last_beat ? '0 : pos_q + 1'b1;
    end

    assign beat      = pos_q;
    assign last_beat = (pos_q == PW'(BEATS - 1));
endmodule
