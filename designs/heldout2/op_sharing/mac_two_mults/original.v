// MAC for a tiny DSP: mode selects which coefficient multiplies the sample.
module mul8x8 (
    input  wire [7:0]  x,
    input  wire [7:0]  y,
    output wire [15:0] p
);
    assign p = x * y;
endmodule

module mac_unit (
    input  wire        clk,
    input  wire        rst,
    input  wire        en,
    input  wire        mode,
    input  wire [7:0]  sample,
    input  wire [7:0]  coef_a,
    input  wire [7:0]  coef_b,
    output reg  [19:0] acc
);
    wire [15:0] pa, pb;
    mul8x8 u_ma (.x(sample), .y(coef_a), .p(pa));
    mul8x8 u_mb (.x(sample), .y(coef_b), .p(pb));
    always @(posedge clk) begin
        if (rst)     acc <= 20'd0;
        else if (en) acc <= acc + (mode ? pb : pa);
    end
endmodule
