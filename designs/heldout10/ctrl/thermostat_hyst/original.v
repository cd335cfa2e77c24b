// Heater thermostat with hysteresis and compressor-style minimum on / off
// times: the heater may only switch on after MIN_OFF ticks off and switch off
// after MIN_ON ticks on. Each minimum time has its own timer instance.
module min_timer #(
    parameter T = 100,
    parameter W = 8
) (
    input  clk,
    input  rst,
    input  run,          // timing while high, cleared while low
    output done
);
    reg [W-1:0] cnt;
    assign done = (cnt == T);
    always @(posedge clk) begin
        if (rst || !run)
            cnt <= {W{1'b0}};
        else if (!done)
            cnt <= cnt + 1'b1;
    end
endmodule

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
    wire on_done, off_done;
    wire want_on  = ({1'b0, temp} + HYST) < {1'b0, setp};
    wire want_off = {1'b0, temp} > ({1'b0, setp} + HYST);

    wire heat_n = heat ? !(want_off && on_done) : (want_on && off_done);

    always @(posedge clk) begin
        if (rst) heat <= 1'b0;
        else     heat <= heat_n;
    end

    min_timer #(.T(MIN_ON))  u_on  (.clk(clk), .rst(rst), .run(heat),  .done(on_done));
    min_timer #(.T(MIN_OFF)) u_off (.clk(clk), .rst(rst), .run(!heat), .done(off_done));
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
