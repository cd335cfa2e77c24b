// Antenna diversity selector: both branch RSSI readings are scaled by the
// shared AGC gain, the stronger scaled reading picks the antenna and is
// reported as the link quality.
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
    parameter LW = 16
) (
    input  wire [LW-1:0] lvl_a,
    input  wire [LW-1:0] lvl_b,
    output wire          use_a,
    output wire [LW-1:0] best
);
    assign use_a = lvl_a > lvl_b;
    assign best  = use_a ? lvl_a : lvl_b;
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
    wire [W+GW-1:0] la, lb, best;
    wire use_a;
    rssi_scale #(.W(W), .GW(GW)) u_sa (.rssi(rssi_a), .gain(agc_gain), .lvl(la));
    rssi_scale #(.W(W), .GW(GW)) u_sb (.rssi(rssi_b), .gain(agc_gain), .lvl(lb));
    ant_pick   #(.LW(W+GW))      u_pk (.lvl_a(la), .lvl_b(lb), .use_a(use_a), .best(best));

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            ant_sel <= 1'b0;
            quality <= {(W+GW){1'b0}};
        end else if (upd) begin
            ant_sel <= use_a;
            quality <= best;
        end
    end
endmodule
