// Credit-return pacer: a child unit keeps a `phase` flag that flips every PERIOD
// accepted beats, and a separately written active-low `phase_n` output for the
// downstream unit. Hand-optimized: phase_n is the complement of phase.
module pacer #(
    parameter int PERIOD = 5
) (
    input  logic clk,
    input  logic rst_n,
    input  logic beat,
    output logic phase,
    output logic phase_n,
    output logic [2:0] cnt
);
    logic wrap;
    assign wrap = beat && (cnt == 3'(PERIOD - 1));

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt   <= '0;
            phase <= 1'b0;
        end else if (beat) begin
            cnt <= wrap ? '0 : cnt + 3'd1;
            if (wrap) phase <= !phase;
        end
    end

    assign phase_n = !phase;
endmodule

module credit_pace (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       beat,
    output logic       phase,
    output logic       phase_n,
    output logic [2:0] cnt
);
    pacer #(.PERIOD(6)) u_p (.*);
endmodule
