// Six-stage Johnson (twisted-ring) phase generator for a 12-phase clock
// enable; the phase number is recovered from the ones in the ring.
module johnson_phase (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       adv,
    input  logic       sync,
    output logic [5:0] taps,
    output logic [3:0] phase,
    output logic       top_half
);
    logic [5:0] j;
    logic [3:0] ones;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)    j <= '0;
        else if (sync) j <= '0;
        else if (adv)  j <= {j[4:0], ~j[5]};
    end
    assign taps = j;
    always_comb begin
        ones = '0;
        for (int i = 0; i < 6; i++) ones += 4'(j[i]);
        phase    = j[5] ? 4'd12 - ones : ones;
        top_half = j[5];
    end
endmodule
