// Watchdog hold-off: a kick loads the hold-off count, which runs down to 0;
// at 0 the dog barks once and the counter goes idle (-1). The counter is a
// plain integer with -1 as "not armed".
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
    integer hold;   // -1 = not armed

    always @(posedge clk) begin
        if (rst) begin
            hold <= -1;
            bark <= 1'b0;
        end else begin
            bark <= 1'b0;
            if (kick)
                hold <= HOLD - 1;
            else if (hold > 0) begin
                if (!pause)
                    hold <= hold - 1;
            end else if (hold == 0) begin
                bark <= 1'b1;
                hold <= -1;
            end
        end
    end
    assign armed = (hold != -1);
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
