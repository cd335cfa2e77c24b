// Breathing-LED brightness: the level ramps 0..63 and back, one step per tick,
// holding each end for one tick while it turns. The level and its direction
// are kept in two separate always blocks (asynchronous active-low reset).
module breathe (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       tick,
    output wire [5:0] level_o,
    output wire       dimming
);
    reg [5:0] level;
    reg       dn;

    always @(posedge clk or negedge rst_n)
        if (!rst_n)
            level <= 6'd0;
        else if (tick) begin
            if (dn) begin
                if (level != 6'd0) level <= level - 6'd1;
            end else begin
                if (level != 6'd63) level <= level + 6'd1;
            end
        end

    always @(posedge clk or negedge rst_n)
        if (!rst_n)
            dn <= 1'b0;
        else if (tick) begin
            if (dn && level == 6'd0) dn <= 1'b0;
            else if (!dn && level == 6'd63) dn <= 1'b1;
        end

    assign level_o = level;
    assign dimming = dn;
endmodule
