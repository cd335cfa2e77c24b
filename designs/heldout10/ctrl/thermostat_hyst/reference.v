// Heater thermostat with hysteresis and compressor-style minimum on / off
// times: the heater may only switch on after MIN_OFF ticks off and switch off
// after MIN_ON ticks on. The two minimum times never run together, so one
// timer, cleared on every switch, serves both.
module thermostat #(
    parameter HYST    = 2,
    parameter MIN_ON  = 200,
    parameter MIN_OFF = 200
) (
    input        clk,
    input        rst,
    input  [7:0] temp,
    input  [7:0] setp,
    output reg   heat
);
    localparam W    = 8;

    reg  [W-1:0] cnt;
    wire         done = (cnt == (heat ? MIN_ON : MIN_OFF));
    wire want_on  = ({1'b0, temp} + HYST) < {1'b0, setp};
    wire want_off = {1'b0, temp} > ({1'b0, setp} + HYST);

    wire heat_n = heat ? !(want_off && done) : (want_on && done);

    always @(posedge clk) begin
        if (rst) heat <= 1'b0;
        else     heat <= heat_n;
    end

    always @(posedge clk) begin
        if (rst || heat_n != heat)
            cnt <= {W{1'b0}};
        else if (!done)
            cnt <= cnt + 1'b1;
    end
endmodule

module thermo_top (
    input        clk,
    input        rst,
    input  [7:0] temp,
    input  [7:0] setp,
    output       heater
);
    thermostat #(.HYST(3), .MIN_ON(40), .MIN_OFF(60)) u_ts (
        .clk(clk), .rst(rst), .temp(temp), .setp(setp), .heat(heater)
    );
endmodule
