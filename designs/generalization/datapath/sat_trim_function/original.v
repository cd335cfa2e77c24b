// DC trim of a signed 16-bit sample: add a signed 10-bit trim value and saturate to the 16-bit
// range; the helper function returns the clip flag with the value.
module dc_trim (
    input  wire signed [15:0] x,
    input  wire signed [9:0]  trim,
    output wire signed [15:0] y,
    output wire               clip
);
    function [16:0] sat_add;  // {clip, value}
        input signed [15:0] a;
        input signed [9:0]  b;
        integer s;
        begin
            s = a + b;
            if (s > 32767)
                sat_add = {1'b1, 16'h7FFF};
            else if (s < -32768)
                sat_add = {1'b1, 16'h8000};
            else
                sat_add = {1'b0, s[15:0]};
        end
    endfunction

    assign {clip, y} = sat_add(x, trim);
endmodule
