// cnt never exceeds 1000 -> 10 bits; 'stable' is exactly (cnt == 1000).
module debounce (
    input  wire clk,
    input  wire rst_n,
    input  wire btn_sync,
    output reg  btn_out,
    output wire stable,
    output reg  rise
);
    reg [9:0] cnt;
    reg       last;
    assign stable = (cnt == 10'd1000);
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt     <= 10'd0;
            last    <= 1'b0;
            btn_out <= 1'b0;
            rise    <= 1'b0;
        end else begin
            last <= btn_sync;
            rise <= 1'b0;
            if (btn_sync != last)
                cnt <= 10'd0;
            else if (!stable)
                cnt <= cnt + 10'd1;
            else if (btn_out != last) begin
                btn_out <= last;
                rise    <= last;
            end
        end
    end
endmodule
