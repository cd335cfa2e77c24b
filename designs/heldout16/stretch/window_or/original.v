// Activity LED stretcher for a 3-port switch PHY: a one-cycle activity
// strobe keeps the LED on for the next N clocks (retriggerable), so short
// packets stay visible.
module act_stretch #(
    parameter N = 16
) (
    input  wire clk,
    input  wire rst,
    input  wire act,
    output wire led
);
    reg [N-1:0] hist;
    always @(posedge clk)
        if (rst) hist <= {N{1'b0}};
        else     hist <= {hist[N-2:0], act};
    assign led = |hist;
endmodule

module port_leds #(
    parameter P = 4,
    parameter N = 16
) (
    input  wire         clk,
    input  wire         rst,
    input  wire [P-1:0] rx_act,
    input  wire [P-1:0] tx_act,
    input  wire [P-1:0] link,
    output wire [P-1:0] led_act,
    output wire [P-1:0] led_link
);
    genvar i;
    generate
        for (i = 0; i < P; i = i + 1) begin : g_p
            act_stretch #(.N(N)) u_st (.clk(clk), .rst(rst), .act(rx_act[i] | tx_act[i]), .led(led_act[i]));
        end
    endgenerate
    assign led_link = link;
endmodule

module phy_leds (
    input  wire       clk,
    input  wire       rst,
    input  wire [2:0] rx_act,
    input  wire [2:0] tx_act,
    input  wire [2:0] link,
    output wire [2:0] led_act,
    output wire [2:0] led_link
);
    port_leds #(.P(3), .N(12)) u_leds (.clk(clk), .rst(rst), .rx_act(rx_act), .tx_act(tx_act),
                                       .link(link), .led_act(led_act), .led_link(led_link));
endmodule
