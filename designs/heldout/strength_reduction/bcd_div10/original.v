module bin2bcd8 (
    input  wire [7:0]  bin,
    output wire [11:0] bcd
);
    function [3:0] digit;
        input [7:0] v;
        input [1:0] pos;
        begin
            case (pos)
                2'd0: digit = v % 10;
                2'd1: digit = (v / 10) % 10;
                default: digit = v / 100;
            endcase
        end
    endfunction
    assign bcd = {digit(bin, 2'd2), digit(bin, 2'd1), digit(bin, 2'd0)};
endmodule
