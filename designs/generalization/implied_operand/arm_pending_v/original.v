// Wake-up controller: each channel has an arm bit (written by software) and a
// pending flag that latches an event only while the channel is armed; disarming
// a channel drops its pending flag. One child per channel (generate loop); the
// parent ANDs pending with arm again for the wake line and the readback.
module wake_chan (
    input  wire clk,
    input  wire rst,
    input  wire set_arm,
    input  wire clr_arm,
    input  wire evt,
    input  wire ack,
    output reg  armed,
    output reg  pend
);
    always @(posedge clk) begin
        if (rst) begin
            armed <= 1'b0;
            pend  <= 1'b0;
        end else begin
            if (set_arm)      armed <= 1'b1;
            else if (clr_arm) armed <= 1'b0;
            if (clr_arm && !set_arm) pend <= 1'b0;
            else if (ack)            pend <= 1'b0;
            else if (evt && armed)   pend <= 1'b1;
        end
    end
endmodule

module wake_ctrl (
    input  wire       clk,
    input  wire       rst,
    input  wire [9:0] set_arm,
    input  wire [9:0] clr_arm,
    input  wire [9:0] evt,
    input  wire [9:0] ack,
    output wire [9:0] live,
    output wire       wake,
    output reg  [3:0] first
);
    wire [9:0] a, p;
    genvar i;
    generate
        for (i = 0; i < 10; i = i + 1) begin : ch
            wake_chan u (.clk(clk), .rst(rst), .set_arm(set_arm[i]), .clr_arm(clr_arm[i]),
                         .evt(evt[i]), .ack(ack[i]), .armed(a[i]), .pend(p[i]));
            assign live[i] = p[i] && a[i];
        end
    endgenerate
    assign wake = |live;
    integer k;
    always @* begin
        first = 4'd15;
        for (k = 9; k >= 0; k = k - 1)
            if (live[k]) first = k[3:0];
    end
endmodule
