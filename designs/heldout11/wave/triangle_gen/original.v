// Triangle-wave generator for an R-2R DAC test fixture: an up/down counter
// with a direction flag; each end value is held for one extra step while the
// direction turns.
module tri_gen #(
    parameter W = 8
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         en,
    output reg  [W-1:0] level,
    output reg          rising
);
    always @(posedge clk) begin
        if (rst) begin
            level  <= {W{1'b0}};
            rising <= 1'b1;
        end else if (en) begin
            if (rising) begin
                if (level == {W{1'b1}}) rising <= 1'b0;
                else                    level  <= level + 1'b1;
            end else begin
                if (level == {W{1'b0}}) rising <= 1'b1;
                else                    level  <= level - 1'b1;
            end
        end
    end
endmodule

module dac_test (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    output wire [5:0] dac,
    output wire       rising
);
    tri_gen #(.W(6)) u_tri (.clk(clk), .rst(rst), .en(en), .level(dac), .rising(rising));
endmodule
