// Tank pump sequencer, two-process style: always_comb next state, always_ff
// registers the phase and a valve flag per phase from the NEXT phase.
typedef enum logic [1:0] {P_OFF = 2'd0, P_FILL = 2'd1, P_DRAIN = 2'd2} phase_e;

module tank_seq (
    input  wire clk,
    input  wire rst,
    input  wire go,
    input  wire full,
    input  wire empty,
    output reg  fill_v,
    output reg  drain_v
);
    phase_e ph, ph_n;

    always_comb begin
        ph_n = ph;
        unique case (ph)
            P_OFF:   if (go) ph_n = P_FILL;
            P_FILL:  if (full) ph_n = P_DRAIN;
            P_DRAIN: if (empty) ph_n = P_OFF;
            default: ph_n = P_OFF;
        endcase
    end

    always_ff @(posedge clk) begin
        if (rst) begin
            ph      <= P_OFF;
            fill_v  <= 1'b0;
            drain_v <= 1'b0;
        end else begin
            ph      <= ph_n;
            fill_v  <= (ph_n == P_FILL);
            drain_v <= (ph_n == P_DRAIN);
        end
    end
endmodule
