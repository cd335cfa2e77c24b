// GPIO interrupt unit: per-pin synchroniser, rising/falling edge detect,
// sticky pending bits with write-one-to-clear, one combined interrupt.
// The falling detector's 'last level' register only ever copies s2, so it
// is the same flop as prev: one previous-sample register serves both.
module gpio_irq #(
    parameter N = 4
) (
    input              clk,
    input              rst_n,
    input      [N-1:0] pins,
    input      [N-1:0] rise_en,
    input      [N-1:0] fall_en,
    input      [N-1:0] clr,
    output reg [N-1:0] pending,
    output     [N-1:0] level,
    output             irq
);
    reg [N-1:0] s1, s2;
    reg [N-1:0] prev;      // previous sample

    genvar i;
    generate
        for (i = 0; i < N; i = i + 1) begin : g_pin
            always @(posedge clk or negedge rst_n) begin
                if (!rst_n) begin
                    s1[i]      <= 1'b0;
                    s2[i]      <= 1'b0;
                    prev[i]    <= 1'b0;
                    pending[i] <= 1'b0;
                end else begin
                    s1[i]   <= pins[i];
                    s2[i]   <= s1[i];
                    prev[i] <= s2[i];
                    if ((rise_en[i] && s2[i] && !prev[i]) ||
                        (fall_en[i] && !s2[i] && prev[i]))
                        pending[i] <= 1'b1;
                    else if (clr[i])
                        pending[i] <= 1'b0;
                end
            end
        end
    endgenerate

    assign level = s2;
    assign irq   = |pending;
endmodule

module gpio_bank (
    input        clk,
    input        rst_n,
    input  [5:0] pins,
    input  [5:0] rise_en,
    input  [5:0] fall_en,
    input  [5:0] clr,
    output [5:0] pending,
    output [5:0] level,
    output       irq
);
    gpio_irq #(.N(6)) u_irq (
        .clk(clk), .rst_n(rst_n), .pins(pins), .rise_en(rise_en), .fall_en(fall_en),
        .clr(clr), .pending(pending), .level(level), .irq(irq)
    );
endmodule
