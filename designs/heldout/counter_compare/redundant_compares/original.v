module timeout_chk (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        kick,
    output wire        expired,
    output wire        warn,
    output wire        almost
);
    localparam [11:0] LIMIT = 12'd2500;
    reg [11:0] cnt;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            cnt <= 12'd0;
        else if (kick)
            cnt <= 12'd0;
        else if (!(cnt >= LIMIT && cnt <= LIMIT))
            cnt <= cnt + 12'd1;
    end
    assign expired = (cnt >= LIMIT) && (cnt <= LIMIT);
    assign almost  = (cnt + 12'd1 == LIMIT);
    assign warn    = (cnt > LIMIT - 12'd500) && !expired && (cnt < LIMIT + 12'd1);
endmodule
