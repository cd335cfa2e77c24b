// Battery-voltage telemetry: the ADC code is converted to millivolts in
// two calibrated steps (LSB size, then the resistor-divider ratio), each a
// reusable constant-scale block, and an offset trim is added.
module const_scale #(
    parameter IW = 12,
    parameter OW = 16,
    parameter K  = 1
) (
    input  wire [IW-1:0] x,
    output wire [OW-1:0] y
);
    assign y = x * K;
endmodule

module vbat_conv #(
    parameter AW       = 12,
    parameter LSB_MV   = 5,
    parameter DIV_GAIN = 3
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          sample_vld,
    input  wire [AW-1:0] adc_code,
    input  wire [7:0]    trim,
    output reg  [AW+7:0] vbat_mv
);
    wire [AW+3:0] pin_mv;
    wire [AW+7:0] bat_mv;

    const_scale #(.IW(AW),   .OW(AW+4), .K(LSB_MV))   u_lsb (.x(adc_code), .y(pin_mv));
    const_scale #(.IW(AW+4), .OW(AW+8), .K(DIV_GAIN)) u_div (.x(pin_mv),   .y(bat_mv));

    always @(posedge clk) begin
        if (rst)
            vbat_mv <= {AW+8{1'b0}};
        else if (sample_vld)
            vbat_mv <= bat_mv + trim;
    end
endmodule

module pack_monitor (
    input  wire        clk,
    input  wire        rst,
    input  wire        sample_vld,
    input  wire [9:0]  adc_code,
    input  wire [7:0]  trim,
    output wire [17:0] vbat_mv
);
    vbat_conv #(.AW(10), .LSB_MV(5), .DIV_GAIN(3)) u_conv (
        .clk(clk), .rst(rst), .sample_vld(sample_vld), .adc_code(adc_code), .trim(trim), .vbat_mv(vbat_mv)
    );
endmodule
