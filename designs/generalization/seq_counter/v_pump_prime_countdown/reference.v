// Pump priming sequencer: on 'go' the purge, fill, hold and drain phases follow each other with fixed
// durations; a down-counting phase timer is loaded with the next duration on every transition and an
// 'abort' input returns to idle from any phase. Valve and motor outputs are registered in the arms.
module pump_prime (
    input  wire clk,
    input  wire rst,
    input  wire go,
    input  wire abort,
    output reg  valve,
    output reg  motor,
    output wire active
);
    // one counter along the 41 states reachable from reset (rtlopt: fsm_sequence_counter)
    reg [5:0] seqc__;
    always @(posedge clk)
        if ((abort ? 1'b1 : rst)) seqc__ <= 6'd0;
        else if (seqc__ == 6'd40) seqc__ <= 6'd0;
        else if (seqc__ != 6'd0 || go) seqc__ <= seqc__ + 6'd1;
    always @* valve = (seqc__ >= 6'd1 && seqc__ <= 6'd18) || (seqc__ >= 6'd23);
    always @* motor = (seqc__ >= 6'd8 && seqc__ <= 6'd22);
    assign active = (seqc__ >= 6'd1);
endmodule
