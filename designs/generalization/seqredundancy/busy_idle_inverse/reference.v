module busy_idle (
    input        clk,
    input        rst_n,
    input        start,
    input        done,
    input  [7:0] len,
    output       busy_o,
    output       idle_o,
    output [7:0] remaining
);
    reg       busy;
    reg [7:0] left;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            busy <= 1'b0;
            left <= 8'd0;
        end else if (start && !busy) begin
            busy <= 1'b1;
            left <= len;
        end else if (busy) begin
            if (done || left == 8'd0)
                busy <= 1'b0;
            else
                left <= left - 8'd1;
        end
    end

    assign busy_o = busy;
    assign idle_o = ~busy;
    assign remaining = busy ? left : 8'd0;
endmodule
