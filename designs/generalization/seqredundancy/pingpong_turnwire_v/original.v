// Triangle LFO for a 6-bit DAC: the level ramps up and down between 0 and 63,
// holding one step at each end while the direction turns; the end test is a
// named wire of the level and the direction, the update two conditional moves.
module tri_lfo (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    output wire [5:0] level,
    output wire       rising
);
    reg  [5:0] lvl;
    reg        dn;
    wire       turn = dn ? (lvl == 6'd0) : (lvl == 6'd63);

    always @(posedge clk) begin
        if (rst) begin
            lvl <= 6'd0;
            dn  <= 1'b0;
        end else if (en) begin
            dn  <= turn ? ~dn : dn;
            lvl <= turn ? lvl : (dn ? lvl - 6'd1 : lvl + 6'd1);
        end
    end

    assign level  = lvl;
    assign rising = ~dn;
endmodule
