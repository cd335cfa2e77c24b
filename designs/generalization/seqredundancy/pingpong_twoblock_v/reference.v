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

    reg [6:0] level_ph;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            level_ph <= 7'd0;
        end else begin
            if (tick) level_ph <= level_ph + 1'b1;
        end
    end
    always @* begin
        level = (level_ph[5:0] ^ {6{level_ph[6]}});
        dn = level_ph[6] ? 1'b1 : 1'b0;
    end


    assign level_o = level;
    assign dimming = dn;
endmodule
