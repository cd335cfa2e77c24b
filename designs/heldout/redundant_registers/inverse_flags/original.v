module link_state (
    input  wire clk,
    input  wire rst,
    input  wire train_ok,
    input  wire los,
    output reg  link_up,
    output reg  link_down,
    output reg  up_pulse,
    output reg  down_pulse
);
    reg up_d;
    reg down_d;
    always @(posedge clk) begin
        if (rst) begin
            link_up   <= 1'b0;
            link_down <= 1'b1;
        end else if (los) begin
            link_up   <= 1'b0;
            link_down <= 1'b1;
        end else if (train_ok) begin
            link_up   <= 1'b1;
            link_down <= 1'b0;
        end
    end

    always @(posedge clk) begin
        if (rst) begin
            up_d       <= 1'b0;
            down_d     <= 1'b1;
            up_pulse   <= 1'b0;
            down_pulse <= 1'b0;
        end else begin
            up_d       <= link_up;
            down_d     <= link_down;
            up_pulse   <= link_up & ~up_d;
            down_pulse <= link_down & ~down_d;
        end
    end
endmodule
