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
    // hand reference: a busy flag and a 7-bit count (0..HOLD-1)
    reg       busy;
    reg [6:0] left;
    reg       raw_q;

    always @(posedge clk) begin
        if (rst) begin
            busy  <= 1'b0;
            left  <= 7'd0;
            raw_q <= 1'b0;
            clean <= 1'b0;
        end else begin
            raw_q <= raw;
            if (raw != raw_q) begin
                busy <= 1'b1;
                left <= HOLD - 1;
            end else if (busy) begin
                if (left == 0) busy <= 1'b0;
                else left <= left - 1'b1;
            end
            if (busy && left == 0)
                clean <= raw_q;
        end
    end
    assign stable = !busy;
endmodule
