// Saturating add / subtract stage of a fixed-point DSP datapath: signed
// W-bit operands, result clamped to the representable range, registered.
module sat_add #(
    parameter W = 16
) (
    input  signed [W-1:0] a,
    input  signed [W-1:0] b,
    output signed [W-1:0] y,
    output                sat
);
    wire signed [W:0] s = {a[W-1], a} + {b[W-1], b};
    assign sat = (s[W] != s[W-1]);
    assign y   = !sat ? s[W-1:0] : s[W] ? {1'b1, {(W-1){1'b0}}} : {1'b0, {(W-1){1'b1}}};
endmodule

module sat_sub #(
    parameter W = 16
) (
    input  signed [W-1:0] a,
    input  signed [W-1:0] b,
    output signed [W-1:0] y,
    output                sat
);
    wire signed [W:0] d = {a[W-1], a} - {b[W-1], b};
    assign sat = (d[W] != d[W-1]);
    assign y   = !sat ? d[W-1:0] : d[W] ? {1'b1, {(W-1){1'b0}}} : {1'b0, {(W-1){1'b1}}};
endmodule

module sat_alu #(
    parameter W = 16
) (
    input                 clk,
    input                 rst_n,
    input                 en,
    input                 sub,
    input  signed [W-1:0] a,
    input  signed [W-1:0] b,
    output reg signed [W-1:0] y,
    output reg            ovf
);
    wire signed [W-1:0] ys, yd;
    wire                ss, sd;

    sat_add #(.W(W)) u_add (.a(a), .b(b), .y(ys), .sat(ss));
    sat_sub #(.W(W)) u_sub (.a(a), .b(b), .y(yd), .sat(sd));

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            y   <= {W{1'b0}};
            ovf <= 1'b0;
        end else if (en) begin
            y   <= sub ? yd : ys;
            ovf <= ovf | (sub ? sd : ss);
        end
    end
endmodule

module agc_stage (
    input         clk,
    input         rst_n,
    input         en,
    input         sub,
    input  [13:0] a,
    input  [13:0] b,
    output [13:0] y,
    output        ovf
);
    sat_alu #(.W(14)) u_alu (
        .clk(clk), .rst_n(rst_n), .en(en), .sub(sub),
        .a(a), .b(b), .y(y), .ovf(ovf)
    );
endmodule
