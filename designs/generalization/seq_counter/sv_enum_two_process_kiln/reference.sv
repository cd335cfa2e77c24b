// Kiln firing cycle: on 'start' the ramp, soak and cool phases follow each other with fixed
// durations. Two-process enum machine; the phase counter is a separate always_ff cleared whenever the
// next state differs from the current one; heater and vent decoded from the state.
module kiln_ctl #(parameter int T_RAMP = 9, parameter int T_SOAK = 21, parameter int T_COOL = 5) (
    input  logic clk,
    input  logic rst,
    input  logic start,
    output logic heat,
    output logic vent,
    output logic [1:0] phase
);
    // one counter along the 36 states reachable from reset (rtlopt: fsm_sequence_counter)
    reg [5:0] seqc__;
    always @(posedge clk)
        if (rst) seqc__ <= 6'd0;
        else if (seqc__ == 6'd35) seqc__ <= 6'd0;
        else if (seqc__ != 6'd0 || start) seqc__ <= seqc__ + 6'd1;
    assign heat = (seqc__ >= 6'd1 && seqc__ <= 6'd30);
    assign vent = (seqc__ >= 6'd31);
    assign phase = {((seqc__ >= 6'd10)), ((seqc__ >= 6'd1 && seqc__ <= 6'd9) || (seqc__ >= 6'd31))};
endmodule
