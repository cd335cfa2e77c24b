// Guitar-pedal style slap-back echo on a sample strobe: input register,
// fixed delay buffer, dry/wet mixer with feedback enable, peak meter and
// a control register written by the pedal's MCU.
module smp_in #(
    parameter W = 16
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         strobe,
    input  wire [W-1:0] adc,
    output reg  [W-1:0] x,
    output reg          x_vld
);
    always @(posedge clk)
        if (rst) begin
            x <= {W{1'b0}}; x_vld <= 1'b0;
        end else begin
            x_vld <= strobe;
            if (strobe) x <= adc;
        end
endmodule

module delay_ring #(
    parameter W = 16,
    parameter N = 8
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         en,
    input  wire [W-1:0] din,
    output wire [W-1:0] dout     // the sample written N strobes ago
);
    localparam AW = (N > 1) ? $clog2(N) : 1;
    reg [W-1:0]  mem [0:N-1];
    reg [AW-1:0] wptr;
    integer i;
    always @(posedge clk)
        if (rst) begin
            wptr <= {AW{1'b0}};
            for (i = 0; i < N; i = i + 1)
                mem[i] <= {W{1'b0}};
        end else if (en) begin
            mem[wptr] <= din;
            wptr <= (wptr == N-1) ? {AW{1'b0}} : wptr + 1'b1;
        end
    assign dout = mem[wptr];
endmodule

module mixer #(
    parameter W = 16
) (
    input  wire [W-1:0] dry,
    input  wire [W-1:0] wet,
    input  wire         wet_on,
    output wire [W-1:0] out
);
    wire [W:0] sum = dry + wet;
    assign out = wet_on ? sum[W:1] : dry;
endmodule

module peak_meter #(
    parameter W = 16
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         en,
    input  wire         clr,
    input  wire [W-1:0] s,
    output reg  [W-1:0] peak
);
    always @(posedge clk)
        if (rst || clr)         peak <= {W{1'b0}};
        else if (en && s > peak) peak <= s;
endmodule

module fx_ctrl (
    input  wire       clk,
    input  wire       rst,
    input  wire       wr,
    input  wire [1:0] wdata,
    output reg        wet_on,
    output reg        fb_on
);
    always @(posedge clk)
        if (rst)     {fb_on, wet_on} <= 2'b00;
        else if (wr) {fb_on, wet_on} <= wdata;
endmodule

module echo_fx #(
    parameter W = 16,
    parameter N = 8
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         strobe,
    input  wire [W-1:0] adc,
    input  wire         wr,
    input  wire [1:0]   wdata,
    input  wire         peak_clr,
    output reg  [W-1:0] dac,
    output wire [W-1:0] peak
);
    wire [W-1:0] x, dly, mix, ring_in;
    wire         x_vld, wet_on, fb_on;
    smp_in     #(.W(W))        u_in   (.clk(clk), .rst(rst), .strobe(strobe), .adc(adc), .x(x), .x_vld(x_vld));
    fx_ctrl                    u_ctl  (.clk(clk), .rst(rst), .wr(wr), .wdata(wdata), .wet_on(wet_on), .fb_on(fb_on));
    assign ring_in = fb_on ? mix : x;
    delay_ring #(.W(W), .N(N)) u_ring (.clk(clk), .rst(rst), .en(x_vld), .din(ring_in), .dout(dly));
    mixer      #(.W(W))        u_mix  (.dry(x), .wet(dly), .wet_on(wet_on), .out(mix));
    peak_meter #(.W(W))        u_pk   (.clk(clk), .rst(rst), .en(x_vld), .clr(peak_clr), .s(mix), .peak(peak));
    always @(posedge clk)
        if (rst)        dac <= {W{1'b0}};
        else if (x_vld) dac <= mix;
endmodule

module pedal_top (
    input  wire       clk,
    input  wire       rst,
    input  wire       strobe,
    input  wire [4:0] adc,
    input  wire       wr,
    input  wire [1:0] wdata,
    input  wire       peak_clr,
    output wire [4:0] dac,
    output wire [4:0] peak
);
    echo_fx #(.W(5), .N(6)) u_fx (.clk(clk), .rst(rst), .strobe(strobe), .adc(adc), .wr(wr), .wdata(wdata),
                                  .peak_clr(peak_clr), .dac(dac), .peak(peak));
endmodule
