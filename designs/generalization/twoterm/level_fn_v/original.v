// Mixer channel level: a 3-bit fader step picks a gain from a function table
// {3, 4, 6, 7, 9, 12, 14, 1}; the registered sample times gain is formed by a multiplier.
module mix_level (
    input  wire        clk,
    input  wire        rst,
    input  wire [2:0]  step,
    input  wire [15:0] smp,
    output reg  [19:0] out
);
    function [3:0] lvl;
        input [2:0] i;
        begin
            case (i)
                3'd0: lvl = 4'd3;
                3'd1: lvl = 4'd4;
                3'd2: lvl = 4'd6;
                3'd3: lvl = 4'd7;
                3'd4: lvl = 4'd9;
                3'd5: lvl = 4'd12;
                3'd6: lvl = 4'd14;
                default: lvl = 4'd1;
            endcase
        end
    endfunction
    wire [3:0] g = lvl(step);
    always @(posedge clk)
        if (rst) out <= 20'd0;
        else     out <= smp * g;
endmodule
