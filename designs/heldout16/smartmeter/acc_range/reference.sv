// Single-phase energy meter: instantaneous power v*i accumulated; every
// THRESH units of energy emit a calibrated LED/opto pulse and count one
// energy quantum in the register file. The accumulator stays below THRESH
// (p < THRESH), so it needs clog2(THRESH) bits; the threshold test is the
// borrow of the subtraction; the LED timer needs clog2(PLEN+1) bits.
module sample_regs #(
    parameter int W = 12
) (
    input  logic         clk,
    input  logic         rst,
    input  logic         adc_vld,
    input  logic [W-1:0] v_adc,
    input  logic [W-1:0] i_adc,
    output logic [W-1:0] v,
    output logic [W-1:0] i,
    output logic         s_vld
);
    always_ff @(posedge clk)
        if (rst) begin
            v <= '0; i <= '0; s_vld <= 1'b0;
        end else begin
            s_vld <= adc_vld;
            if (adc_vld) begin
                v <= v_adc;
                i <= i_adc;
            end
        end
endmodule

module power_mul #(
    parameter int W = 12
) (
    input  logic [W-1:0]   v,
    input  logic [W-1:0]   i,
    output logic [2*W-1:0] p
);
    assign p = v * i;
endmodule

module energy_acc #(
    parameter int PW     = 24,
    parameter int AW     = 40,
    parameter int THRESH = 1000000
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          en,
    input  logic [PW-1:0] p,
    output logic          quantum
);
    localparam int RW = $clog2(THRESH);
    logic [RW-1:0] acc;
    logic [RW:0]   nxt;
    logic [RW+1:0] dif;
    assign nxt = acc + p;
    assign dif = {1'b0, nxt} - THRESH;
    always_ff @(posedge clk)
        if (rst) begin
            acc <= '0; quantum <= 1'b0;
        end else begin
            quantum <= 1'b0;
            if (en) begin
                if (!dif[RW+1]) begin
                    acc     <= dif[RW-1:0];
                    quantum <= 1'b1;
                end else
                    acc <= nxt[RW-1:0];
            end
        end
endmodule

module pulse_out #(
    parameter int PLEN = 1000
) (
    input  logic clk,
    input  logic rst,
    input  logic trig,
    output logic led
);
    logic [$clog2(PLEN+1)-1:0] c;
    always_ff @(posedge clk)
        if (rst)        c <= '0;
        else if (trig)  c <= PLEN;
        else if (c != 0) c <= c - 1'b1;
    assign led = (c != 0);
endmodule

module meter_regs (
    input  logic        clk,
    input  logic        rst,
    input  logic        quantum,
    input  logic        clr,
    output logic [15:0] kwh_cnt
);
    always_ff @(posedge clk)
        if (rst || clr)   kwh_cnt <= '0;
        else if (quantum) kwh_cnt <= kwh_cnt + 1'b1;
endmodule

module energy_meter #(
    parameter int W      = 12,
    parameter int THRESH = 1000000,
    parameter int PLEN   = 1000
) (
    input  logic         clk,
    input  logic         rst,
    input  logic         adc_vld,
    input  logic [W-1:0] v_adc,
    input  logic [W-1:0] i_adc,
    input  logic         cnt_clr,
    output logic         led,
    output logic [15:0]  kwh_cnt
);
    logic [W-1:0]   v, i;
    logic           s_vld, quantum;
    logic [2*W-1:0] p;
    sample_regs #(.W(W)) u_smp (.clk, .rst, .adc_vld, .v_adc, .i_adc, .v, .i, .s_vld);
    power_mul   #(.W(W)) u_mul (.v, .i, .p);
    energy_acc  #(.PW(2*W), .AW(40), .THRESH(THRESH)) u_acc (.clk, .rst, .en(s_vld), .p, .quantum);
    pulse_out   #(.PLEN(PLEN)) u_led (.clk, .rst, .trig(quantum), .led);
    meter_regs  u_regs (.clk, .rst, .quantum, .clr(cnt_clr), .kwh_cnt);
endmodule

module meter_top (
    input  logic        clk,
    input  logic        rst,
    input  logic        adc_vld,
    input  logic [5:0]  v_adc,
    input  logic [5:0]  i_adc,
    input  logic        cnt_clr,
    output logic        led,
    output logic [15:0] kwh_cnt
);
    energy_meter #(.W(6), .THRESH(5000), .PLEN(20)) u_m (.*);
endmodule
