// Programmable-gain stage: a power-of-two gain is a left shift by the code.
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

module gain_shift #(
    parameter DW = 8,
    parameter CW = 2,
    parameter GW = 4
) (
    input  wire [DW-1:0]    x,
    input  wire [CW-1:0]    code,
    output wire [DW+GW-1:0] y
);
    assign y = {{GW{1'b0}}, x} << code;
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
    wire [DW+GW-1:0] prod;
    gain_shift #(.DW(DW), .CW(CW), .GW(GW)) u_sh (.x(sample), .code(gcode), .y(prod));
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
