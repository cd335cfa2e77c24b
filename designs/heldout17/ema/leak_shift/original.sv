// Exponential moving average for a battery-monitor ADC front end:
// avg <= (avg * (2^k - 1) + x) / 2^k with a run-time smoothing exponent k.
module ema_chan #(
    parameter int W  = 12,
    parameter int KW = 4
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          en,
    input  logic [KW-1:0] k,
    input  logic [W-1:0]  x,
    output logic [W-1:0]  avg
);
    localparam int PW = W + (1 << KW);
    logic [PW-1:0] wsum;

    always_comb begin
        wsum = avg * ((PW'(1) << k) - PW'(1)) + PW'(x);
    end

    always_ff @(posedge clk) begin
        if (rst)
            avg <= '0;
        else if (en)
            avg <= W'(wsum >> k);
    end
endmodule

module ema_cfg #(
    parameter int KW = 4
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          wr,
    input  logic [KW-1:0] wdata,
    output logic [KW-1:0] k
);
    always_ff @(posedge clk) begin
        if (rst)     k <= KW'(2);
        else if (wr) k <= wdata;
    end
endmodule

module bat_filter (
    input  logic       clk,
    input  logic       rst,
    input  logic       k_wr,
    input  logic [2:0] k_in,
    input  logic       smp,
    input  logic [9:0] vbat,
    input  logic [9:0] ibat,
    output logic [9:0] vbat_f,
    output logic [9:0] ibat_f
);
    logic [2:0] k;
    ema_cfg  #(.KW(3))         u_cfg (.clk, .rst, .wr(k_wr), .wdata(k_in), .k);
    ema_chan #(.W(10), .KW(3)) u_v   (.clk, .rst, .en(smp), .k, .x(vbat), .avg(vbat_f));
    ema_chan #(.W(10), .KW(3)) u_i   (.clk, .rst, .en(smp), .k, .x(ibat), .avg(ibat_f));
endmodule
