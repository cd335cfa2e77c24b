// 4-pixel SAD for a motion-estimation row.
module sad4 (
    input  wire [31:0] cur,
    input  wire [31:0] ref_px,
    output reg  [9:0]  sad
);
    function [7:0] absdiff;
        input [7:0] p;
        input [7:0] q;
        begin
            if (p > q) absdiff = p - q;
            else       absdiff = q - p;
        end
    endfunction

    integer i;
    always @* begin
        sad = 10'd0;
        for (i = 0; i < 4; i = i + 1)
            sad = sad + absdiff(cur[8*i +: 8], ref_px[8*i +: 8]);
    end
endmodule
