// Saturating add / subtract stage of a fixed-point DSP datapath: signed
// W-bit operands, result clamped to the representable range, registered.
// Add and subtract are never needed together: one adder with b inverted and
// a carry-in for subtraction, and one clamp.
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
    wire [W-1:0] bx  = b ^ {W{sub}};
    wire [W:0]   s   = {a[W-1], a} + {bx[W-1], bx} + sub;
    wire         sat = (s[W] != s[W-1]);
    wire [W-1:0] ysat = !sat ? s[W-1:0] : s[W] ? {1'b1, {(W-1){1'b0}}} : {1'b0, {(W-1){1'b1}}};

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            y   <= {W{1'b0}};
            ovf <= 1'b0;
        end else if (en) begin
            y   <= ysat;
            ovf <= ovf | sat;
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
