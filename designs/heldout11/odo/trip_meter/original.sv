// Instrument-cluster distance counters. The odometer and the resettable trip
// meter are two instances of the same distance block; each divides the wheel
// pulses down to 100 m units itself. Trip reset only clears its display value.
module dist_counter #(
    parameter int PPU  = 1000,   // wheel pulses per 0.1 km
    parameter int DW   = 20,     // distance width
    parameter int WRAP = 999999  // display wraps after this value
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          pulse,
    input  logic          clr,
    output logic [DW-1:0] dval
);
    logic [15:0] pcnt;
    logic        unit;

    assign unit = pulse && (pcnt == 16'(PPU - 1));

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)      pcnt <= '0;
        else if (pulse)  pcnt <= unit ? '0 : pcnt + 1'b1;
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)                       dval <= '0;
        else if (clr)                     dval <= '0;
        else if (unit)                    dval <= (dval == DW'(WRAP)) ? '0 : dval + 1'b1;
    end
endmodule

module trip_meter (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        wheel_pulse,
    input  logic        trip_reset,
    output logic [19:0] odo,
    output logic [13:0] trip
);
    dist_counter #(.PPU(25), .DW(20), .WRAP(999999)) u_odo (
        .clk, .rst_n, .pulse(wheel_pulse), .clr(1'b0), .dval(odo));
    dist_counter #(.PPU(25), .DW(14), .WRAP(9999)) u_trip (
        .clk, .rst_n, .pulse(wheel_pulse), .clr(trip_reset), .dval(trip));
endmodule
