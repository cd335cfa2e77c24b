// Reference: the two pulse prescalers see the same pulses from the same reset
// and trip reset never touches them, so they are always equal; one prescaler
// produces the 100 m unit for both counters.
module trip_meter (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        wheel_pulse,
    input  logic        trip_reset,
    output logic [19:0] odo,
    output logic [13:0] trip
);
    logic [15:0] pcnt;
    logic        unit;

    assign unit = wheel_pulse && (pcnt == 16'd24);

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)            pcnt <= '0;
        else if (wheel_pulse)  pcnt <= unit ? '0 : pcnt + 1'b1;
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)      odo <= '0;
        else if (unit)   odo <= (odo == 20'd999999) ? '0 : odo + 1'b1;
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)          trip <= '0;
        else if (trip_reset) trip <= '0;
        else if (unit)       trip <= (trip == 14'd9999) ? '0 : trip + 1'b1;
    end
endmodule
