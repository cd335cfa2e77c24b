// Six-stage Johnson (twisted-ring) phase generator for a 12-phase clock
// enable: the ring takes 12 values from reset, kept as the phase (mod 12) and
// decoded into the taps.
module johnson_phase (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       adv,
    input  logic       sync,
    output logic [5:0] taps,
    output logic [3:0] phase,
    output logic       top_half
);
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)    phase <= '0;
        else if (sync) phase <= '0;
        else if (adv)  phase <= (phase == 4'd11) ? 4'd0 : phase + 4'd1;
    end
    always_comb begin
        if (phase < 4'd6) taps = 6'((7'd1 << phase) - 7'd1);
        else              taps = 6'(6'h3f << (phase - 4'd6));
        top_half = (phase >= 4'd6);
    end
endmodule
