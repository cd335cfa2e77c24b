// Antenna diversity selector: both branch RSSI readings are scaled by the
// shared AGC gain, the stronger scaled reading picks the antenna and is
// reported as the link quality.
// Reference: scaling by a common non-negative gain is monotonic, so
// a*g > b*g is g != 0 && a > b; pick first, then one multiplier.
module rssi_scale #(
    parameter W  = 8,
    parameter GW = 8
) (
    input  wire [W-1:0]    rssi,
    input  wire [GW-1:0]   gain,
    output wire [W+GW-1:0] lvl
);
    assign lvl = rssi * gain;
endmodule

module ant_pick #(
    parameter W  = 8,
    parameter GW = 8
) (
    input  wire [W-1:0]  a,
    input  wire [W-1:0]  b,
    input  wire [GW-1:0] gain,
    output wire          use_a,
    output wire [W-1:0]  best
);
    assign use_a = (gain != {GW{1'b0}}) && (a > b);
    assign best  = use_a ? a : b;
endmodule

module diversity_rx #(
    parameter W  = 6,
    parameter GW = 5
) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          upd,
    input  wire [W-1:0]  rssi_a,
    input  wire [W-1:0]  rssi_b,
    input  wire [GW-1:0] agc_gain,
    output reg           ant_sel,
    output reg  [W+GW-1:0] quality
);
    wire [W-1:0] best;
    wire [W+GW-1:0] lvl;
    wire use_a;
    ant_pick   #(.W(W), .GW(GW)) u_pk (.a(rssi_a), .b(rssi_b), .gain(agc_gain), .use_a(use_a), .best(best));
    rssi_scale #(.W(W), .GW(GW)) u_s  (.rssi(best), .gain(agc_gain), .lvl(lvl));

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            ant_sel <= 1'b0;
            quality <= {(W+GW){1'b0}};
        end else if (upd) begin
            ant_sel <= use_a;
            quality <= lvl;
        end
    end
endmodule
