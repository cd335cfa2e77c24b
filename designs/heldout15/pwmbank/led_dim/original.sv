// RGB status-LED dimmer bank.
//   pwm_prescale : clock enable for the PWM period counter
//   duty_regs    : bus-writable duty registers
//   pwm_chan     : one channel: period counter, compare, output register
//   led_bank     : channels (genvar loop) and the register block
//   blink_gate   : optional slow blink per channel
//   led_dimmer   : top

module pwm_prescale #(
    parameter int DIV = 16,
    parameter int W   = 8
) (
    input  logic clk,
    input  logic rst_n,
    input  logic run,
    output logic ce
);
    logic [W-1:0] c;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)                   c <= '0;
        else if (!run)                c <= '0;
        else if (c == W'(DIV - 1))    c <= '0;
        else                          c <= c + 1'b1;
    end
    assign ce = run && (c == W'(DIV - 1));
endmodule

module duty_regs #(
    parameter int N  = 4,
    parameter int DW = 8
) (
    input  logic                 clk,
    input  logic                 rst_n,
    input  logic                 we,
    input  logic [1:0]           waddr,
    input  logic [DW-1:0]        wdata,
    output logic [N-1:0][DW-1:0] duty
);
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)  duty <= '0;
        else if (we) duty[waddr] <= wdata;
    end
endmodule

module pwm_chan #(
    parameter int DW = 8
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          run,
    input  logic          ce,
    input  logic [DW-1:0] duty,
    output logic          pwm
);
    logic [DW-1:0] cnt;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt <= '0;
            pwm <= 1'b0;
        end else if (!run) begin
            cnt <= '0;
            pwm <= 1'b0;
        end else if (ce) begin
            cnt <= cnt + 1'b1;
            pwm <= (cnt < duty);
        end
    end
endmodule

module blink_gate #(
    parameter int N  = 4,
    parameter int BW = 10
) (
    input  logic         clk,
    input  logic         rst_n,
    input  logic         ce,
    input  logic [N-1:0] blink_en,
    input  logic [N-1:0] pwm_in,
    output logic [N-1:0] pwm_out
);
    // slow toggle: one blink phase every 2^BW period ticks
    logic [BW-1:0] bc;
    logic          phase;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            bc    <= '0;
            phase <= 1'b0;
        end else if (ce) begin
            bc <= bc + 1'b1;
            if (&bc) phase <= ~phase;
        end
    end
    assign pwm_out = pwm_in & ~(blink_en & {N{phase}});
endmodule

module led_bank #(
    parameter int N   = 4,
    parameter int DW  = 8,
    parameter int DIV = 16
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          run,
    input  logic          we,
    input  logic [1:0]    waddr,
    input  logic [DW-1:0] wdata,
    input  logic [N-1:0]  blink_en,
    output logic [N-1:0]  leds
);
    logic [N-1:0]         raw;
    logic                 ce;
    logic [N-1:0][DW-1:0] duty;

    pwm_prescale #(.DIV(DIV)) u_pre (.clk, .rst_n, .run, .ce);
    duty_regs #(.N(N), .DW(DW)) u_regs (.clk, .rst_n, .we, .waddr, .wdata, .duty);

    for (genvar i = 0; i < N; i++) begin : g_ch
        pwm_chan #(.DW(DW)) u_ch (.clk, .rst_n, .run, .ce, .duty(duty[i]), .pwm(raw[i]));
    end

    blink_gate #(.N(N), .BW(3)) u_blink (
        .clk, .rst_n, .ce, .blink_en, .pwm_in(raw), .pwm_out(leds)
    );
endmodule

module led_dimmer (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       run,
    input  logic       we,
    input  logic [1:0] waddr,
    input  logic [5:0] wdata,
    input  logic [2:0] blink_en,
    output logic [2:0] rgb
);
    led_bank #(.N(3), .DW(6), .DIV(3)) u_bank (
        .clk, .rst_n, .run, .we, .waddr, .wdata, .blink_en, .leds(rgb)
    );
endmodule
