// Time-proportioning control of solid-state relays for NZ heater zones: each
// zone is on for duty[z] ticks out of a WIN-tick window. Every zone channel
// runs its own window counter.
module zone_chan #(
    parameter int WIN = 1000
) (
    input  logic                   clk,
    input  logic                   rst_n,
    input  logic                   tick,
    input  logic [$clog2(WIN)-1:0] duty,
    output logic                   ssr
);
    logic [$clog2(WIN)-1:0] pos;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            pos <= '0;
            ssr <= 1'b0;
        end else if (tick) begin
            pos <= (pos == WIN - 1) ? '0 : pos + 1'b1;
            ssr <= (pos < duty);
        end
    end
endmodule

module zone_ctrl #(
    parameter int NZ  = 4,
    parameter int WIN = 1000
) (
    input  logic                             clk,
    input  logic                             rst_n,
    input  logic                             tick,
    input  logic [NZ-1:0][$clog2(WIN)-1:0]   duty,
    output logic [NZ-1:0]                    ssr
);
    for (genvar z = 0; z < NZ; z++) begin : g_zone
        zone_chan #(.WIN(WIN)) u_chan (.clk, .rst_n, .tick, .duty(duty[z]), .ssr(ssr[z]));
    end
endmodule

module oven_zones (
    input  logic           clk,
    input  logic           rst_n,
    input  logic           tick,
    input  logic [2:0][6:0] duty,
    output logic [2:0]     ssr
);
    zone_ctrl #(.NZ(3), .WIN(100)) u_zones (.*);
endmodule
