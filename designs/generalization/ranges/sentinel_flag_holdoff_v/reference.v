// Watchdog hold-off: a kick loads the hold-off count, which runs down to 0;
// at 0 the dog barks once and the counter goes idle (-1). The counter is a
// plain integer with -1 as "not armed".
// (expert: an armed flag and an 8-bit count in place of the -1 sentinel)
module holdoff #(
    parameter HOLD = 100
) (
    input  wire clk,
    input  wire rst,
    input  wire kick,
    input  wire pause,
    output reg  bark,
    output wire armed
);
    localparam HW = $clog2(HOLD);
    reg          arm;
    reg [HW-1:0] cnt;

    always @(posedge clk) begin
        if (rst) begin
            arm  <= 1'b0;
            cnt  <= {HW{1'b0}};
            bark <= 1'b0;
        end else begin
            bark <= 1'b0;
            if (kick) begin
                arm <= 1'b1;
                cnt <= HOLD - 1;
            end else if (arm && cnt != 0) begin
                if (!pause)
                    cnt <= cnt - 1'b1;
            end else if (arm) begin
                bark <= 1'b1;
                arm  <= 1'b0;
            end
        end
    end
    assign armed = arm;
endmodule

module wdog_top (
    input  wire clk,
    input  wire rst,
    input  wire kick,
    input  wire pause,
    output wire bark,
    output wire armed
);
    holdoff #(.HOLD(180)) u_h (.clk(clk), .rst(rst), .kick(kick), .pause(pause), .bark(bark), .armed(armed));
endmodule
