// Weighing-scale front end: net weight display value and an overload lamp.
// The net calculation and the overload check are separate blocks owned by
// different people; both start from the gross reading and the tare.
module net_calc #(
    parameter W = 16
) (
    input  wire [W-1:0] gross,
    input  wire [W-1:0] tare,
    output wire [W-1:0] net,      // clamped at zero
    output wire         negative  // gross below tare
);
    assign negative = gross < tare;
    assign net      = negative ? {W{1'b0}} : gross - tare;
endmodule

module overload_chk #(
    parameter W   = 16,
    parameter MAX = 30000
) (
    input  wire [W-1:0] gross,
    input  wire [W-1:0] tare,
    output wire         over
);
    // net above the rated capacity, computed without overflow
    wire [W:0] lim = {1'b0, tare} + MAX;
    assign over = {1'b0, gross} > lim;
endmodule

module scale_fe #(
    parameter W   = 16,
    parameter MAX = 30000
) (
    input  wire         clk,
    input  wire         rst_n,
    input  wire         sample,
    input  wire [W-1:0] gross,
    input  wire [W-1:0] tare,
    output reg  [W-1:0] disp,
    output reg          neg_lamp,
    output reg          ovl_lamp
);
    wire [W-1:0] net;
    wire         negative, over;

    net_calc     #(.W(W))             u_net (.gross(gross), .tare(tare), .net(net), .negative(negative));
    overload_chk #(.W(W), .MAX(MAX))  u_ovl (.gross(gross), .tare(tare), .over(over));

    always @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            disp <= {W{1'b0}}; neg_lamp <= 1'b0; ovl_lamp <= 1'b0;
        end else if (sample) begin
            disp <= net; neg_lamp <= negative; ovl_lamp <= over;
        end
endmodule

module scale_top (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        sample,
    input  wire [13:0] gross,
    input  wire [13:0] tare,
    output wire [13:0] disp,
    output wire        neg_lamp,
    output wire        ovl_lamp
);
    scale_fe #(.W(14), .MAX(12000)) u_fe (
        .clk(clk), .rst_n(rst_n), .sample(sample), .gross(gross), .tare(tare),
        .disp(disp), .neg_lamp(neg_lamp), .ovl_lamp(ovl_lamp));
endmodule
