// Fractional clock divider (modulo phase accumulator): the phase wraps at
// MOD; the comparison is written against the integer parameter (32 bits),
// the updates at the accumulator's width.
module frac_div #(
    parameter W   = 12,
    parameter MOD = 3000
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         en,
    input  wire [W-1:0] step,
    output reg  [W-1:0] phase,
    output reg          tick
);
    // phase + step once (one bit wider), compared and wrapped
    wire [W:0] sum = phase + step;
    always @(posedge clk) begin
        if (rst) begin
            phase <= 0;
            tick  <= 1'b0;
        end else if (en) begin
            if (sum >= MOD) begin
                phase <= sum - MOD;
                tick  <= 1'b1;
            end else begin
                phase <= sum;
                tick  <= 1'b0;
            end
        end else
            tick <= 1'b0;
    end
endmodule

module nco_top (
    input  wire        clk,
    input  wire        rst,
    input  wire        en,
    input  wire [11:0] step,
    output wire [11:0] phase,
    output wire        tick
);
    frac_div #(.W(12), .MOD(3000)) u_div (.clk(clk), .rst(rst), .en(en), .step(step),
                                         .phase(phase), .tick(tick));
endmodule
