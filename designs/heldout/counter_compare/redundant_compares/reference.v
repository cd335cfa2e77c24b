module timeout_chk (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        kick,
    output wire        expired,
    output wire        warn,
    output wire        almost
);
    reg [11:0] cnt;
    assign expired = (cnt == 12'd2500);
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            cnt <= 12'd0;
        else if (kick)
            cnt <= 12'd0;
        else if (!expired)
            cnt <= cnt + 12'd1;
    end
    assign almost = (cnt == 12'd2499);
    assign warn   = (cnt > 12'd2000) & (cnt < 12'd2500);
endmodule
