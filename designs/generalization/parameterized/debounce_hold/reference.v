// Push-button debouncer: the clean output follows the synchronised input once the input has
// differed from it for HOLD consecutive cycles.
module debounce #(
    parameter HOLD = 250
) (
    input  wire clk,
    input  wire rst,
    input  wire btn_raw,
    output reg  btn
);
    localparam CW = (HOLD > 1) ? $clog2(HOLD) : 1;

    reg          sync0, sync1;
    reg [CW-1:0] stable_cnt;

    always @(posedge clk) begin
        if (rst) begin
            sync0      <= 1'b0;
            sync1      <= 1'b0;
            stable_cnt <= {CW{1'b0}};
            btn        <= 1'b0;
        end else begin
            sync0 <= btn_raw;
            sync1 <= sync0;
            if (sync1 == btn) begin
                stable_cnt <= {CW{1'b0}};
            end else if (stable_cnt == HOLD - 1) begin
                stable_cnt <= {CW{1'b0}};
                btn        <= sync1;
            end else begin
                stable_cnt <= stable_cnt + 1'b1;
            end
        end
    end
endmodule
