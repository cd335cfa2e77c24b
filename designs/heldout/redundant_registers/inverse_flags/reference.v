module link_state (
    input  wire clk,
    input  wire rst,
    input  wire train_ok,
    input  wire los,
    output reg  link_up,
    output wire link_down,
    output reg  up_pulse,
    output reg  down_pulse
);
    reg up_d;
    always @(posedge clk) begin
        if (rst) begin
            link_up    <= 1'b0;
            up_d       <= 1'b0;
            up_pulse   <= 1'b0;
            down_pulse <= 1'b0;
        end else begin
            link_up    <= ~los & (link_up | train_ok);
            up_d       <= link_up;
            up_pulse   <= link_up & ~up_d;
            down_pulse <= ~link_up & up_d;
        end
    end
    assign link_down = ~link_up;
endmodule
