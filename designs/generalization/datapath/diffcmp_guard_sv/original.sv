// Thermal guard: each channel's excess over a shared reference, clipped at zero, raises an alarm
// above ALARM and a warning at or above WARN (guarded difference: exact for any reference).
module therm_guard #(
    parameter int C     = 4,
    parameter int W     = 10,
    parameter int ALARM = 40,
    parameter int WARN  = 12
) (
    input  logic [C-1:0][W-1:0] temp,
    input  logic [W-1:0]        tref,
    output logic [C-1:0]        alarm,
    output logic [C-1:0]        warn
);
    always_comb begin
        for (int c = 0; c < C; c++) begin
            alarm[c] = ((temp[c] > tref) ? temp[c] - tref : '0) > W'(ALARM);
            warn[c]  = (tref < temp[c] ? temp[c] - tref : '0) >= W'(WARN);
        end
    end
endmodule

module therm_top (
    input  logic [2:0][8:0] t,
    input  logic [8:0]      ref_t,
    output logic [2:0]      hot,
    output logic [2:0]      warm
);
    therm_guard #(.C(3), .W(9), .ALARM(50), .WARN(9)) u_g (.temp(t), .tref(ref_t), .alarm(hot), .warn(warm));
endmodule
