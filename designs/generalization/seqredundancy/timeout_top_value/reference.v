// cnt never exceeds 750: 10 bits; 'expired' is exactly cnt == 750 (no flag register).
module wdog_hold (
    input  wire clk,
    input  wire rst,
    input  wire kick,
    output wire expired
);
    reg [9:0] cnt;
    assign expired = (cnt == 10'd750);
    always @(posedge clk) begin
        if (rst)
            cnt <= 10'd0;
        else if (kick)
            cnt <= 10'd0;
        else if (!expired)
            cnt <= cnt + 10'd1;
    end
endmodule
