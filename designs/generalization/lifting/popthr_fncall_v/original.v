// Lock-step core comparator: lanes that disagree are counted by a Verilog function called in the
// compares themselves; the result is only "all agree" and "two or more lanes disagree".
module lane_vote (
    input  wire [9:0] lane_a,
    input  wire [9:0] lane_b,
    input  wire       chk,
    output wire       agree,
    output wire       fatal
);
    wire [9:0] diff = lane_a ^ lane_b;

    function integer popc;
        input [9:0] v;
        integer j;
        begin
            popc = 0;
            for (j = 0; j < 10; j = j + 1)
                popc = popc + v[j];
        end
    endfunction

    assign agree = (popc(diff) == 0);
    assign fatal = chk & (popc(diff) > 1);
endmodule
