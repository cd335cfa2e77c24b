// Debounce / hold-off: an edge on 'raw' loads a countdown of HOLD-1..0; the
// count runs down past 0 to -1, which means idle. 'stable' is high while idle.
module holdoff_cd #(
    parameter HOLD = 100
) (
    input  wire clk,
    input  wire rst,
    input  wire raw,
    output reg  clean,
    output wire stable
);
    integer left;      // -1: idle
    reg     raw_q;

    always @(posedge clk) begin
        if (rst) begin
            left  <= -1;
            raw_q <= 1'b0;
            clean <= 1'b0;
        end else begin
            raw_q <= raw;
            if (raw != raw_q)
                left <= HOLD - 1;
            else if (left >= 0)
                left <= left - 1;
            if (left == 0)
                clean <= raw_q;
        end
    end
    assign stable = left < 0;
endmodule
