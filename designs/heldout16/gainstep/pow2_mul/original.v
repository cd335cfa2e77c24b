// Programmable-gain stage for an ADC front end: the gain code selects a
// power-of-two gain, decoded into a gain word and applied with a multiplier.
module gain_decode #(
    parameter CW = 2,
    parameter GW = 4
) (
    input  wire [CW-1:0] code,
    output reg  [GW-1:0] gain
);
    integer k;
    always @* begin
        gain = {GW{1'b0}};
        for (k = 0; k < GW; k = k + 1)
            if (code == k)
                gain[k] = 1'b1;
    end
endmodule

module gain_mult #(
    parameter DW = 8,
    parameter GW = 4
) (
    input  wire [DW-1:0]    x,
    input  wire [GW-1:0]    gain,
    output wire [DW+GW-1:0] y
);
    assign y = x * gain;
endmodule

module pga_stage #(
    parameter DW = 8,
    parameter CW = 2
) (
    input  wire              clk,
    input  wire              rst,
    input  wire [DW-1:0]     sample,
    input  wire [CW-1:0]     gcode,
    output reg  [DW+(1<<CW)-1:0] out
);
    localparam GW = 1 << CW;
    wire [GW-1:0]    g;
    wire [DW+GW-1:0] prod;
    gain_decode #(.CW(CW), .GW(GW)) u_dec (.code(gcode), .gain(g));
    gain_mult   #(.DW(DW), .GW(GW)) u_mul (.x(sample), .gain(g), .y(prod));
    always @(posedge clk)
        if (rst) out <= {(DW+GW){1'b0}};
        else     out <= prod;
endmodule

module pga_top (
    input  wire        clk,
    input  wire        rst,
    input  wire [9:0]  adc,
    input  wire [2:0]  gsel,
    output wire [17:0] amp
);
    pga_stage #(.DW(10), .CW(3)) u_stage (
        .clk(clk), .rst(rst), .sample(adc), .gcode(gsel), .out(amp)
    );
endmodule
