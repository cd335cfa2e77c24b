// Push-button debouncer: the input must hold for 1000 cycles before the output follows.
module debounce (
    input  wire clk,
    input  wire rst_n,
    input  wire btn_sync,
    output reg  btn_out,
    output reg  stable,
    output reg  rise
);
    localparam [15:0] HOLD = 16'd1000;
    reg [15:0] cnt;
    reg        last;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt     <= 16'd0;
            last    <= 1'b0;
            btn_out <= 1'b0;
            stable  <= 1'b0;
            rise    <= 1'b0;
        end else begin
            last <= btn_sync;
            rise <= 1'b0;
            if (btn_sync != last) begin
                cnt    <= 16'd0;
                stable <= 1'b0;
            end else if (cnt < HOLD) begin
                cnt    <= cnt + 16'd1;
                stable <= (cnt + 16'd1 == HOLD);
            end else begin
                stable <= 1'b1;
                if (btn_out != last) begin
                    btn_out <= last;
                    rise    <= last;
                end
            end
        end
    end
endmodule
