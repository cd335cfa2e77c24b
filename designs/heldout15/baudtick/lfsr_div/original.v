// Beacon blink timer: a clock-enable divider followed by a phase counter.
module tick_div #(
    parameter DIV = 1000,
    parameter W   = 16
) (
    input  clk,
    input  rst,
    input  en,
    output tick
);
    reg [W-1:0] cnt;
    always @(posedge clk) begin
        if (rst)
            cnt <= {W{1'b0}};
        else if (en)
            cnt <= (cnt == DIV - 1) ? {W{1'b0}} : cnt + 1'b1;
    end
    assign tick = en && (cnt == DIV - 1);
endmodule

module beacon_timer (
    input        clk,
    input        rst,
    input        en,
    output reg [3:0] phase,
    output       blink
);
    wire tick;
    tick_div #(.DIV(25)) u_div (.clk(clk), .rst(rst), .en(en), .tick(tick));

    always @(posedge clk) begin
        if (rst)       phase <= 4'd0;
        else if (tick) phase <= phase + 4'd1;
    end
    assign blink = (phase == 4'd0);
endmodule
