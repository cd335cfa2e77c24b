// Four-tap symmetric smoothing filter (weights 7, 23, 23, 7) over a packed sample bus. The constant
// multipliers are written as canonical-signed-digit shift-and-add chains in a function selected by the
// tap index, and the taps are accumulated by a for loop in a combinational block at the 32-bit width
// of the output word.
module csd_taps (
    input  wire [31:0] samples,
    output wire [31:0] y
);
    function [31:0] tap_mult;
        input [7:0] v;
        input integer k;
        begin
            if (k == 0 || k == 3)
                tap_mult = (v << 3) - v;              // 7
            else
                tap_mult = (v << 4) + (v << 3) - v;   // 23
        end
    endfunction

    reg [31:0] acc;
    integer i;
    always @* begin
        acc = 32'd0;
        for (i = 0; i < 4; i = i + 1)
            acc = acc + tap_mult(samples[i*8 +: 8], i);
    end

    assign y = acc;
endmodule
