// Static-block detector for a video encoder's skip decision.
module sad_unit #(
    parameter N = 4,
    parameter W = 10
) (
    input  [N*W-1:0]            cur,
    input  [N*W-1:0]            ref_blk,
    output reg [W+$clog2(N):0]  sad
);
    integer i;
    reg [W-1:0] a, b;
    always @* begin
        sad = 0;
        for (i = 0; i < N; i = i + 1) begin
            a = cur[i*W +: W];
            b = ref_blk[i*W +: W];
            sad = sad + ((a > b) ? (a - b) : (b - a));
        end
    end
endmodule

module still_detect (
    input             clk,
    input             rst_n,
    input             valid,
    input      [63:0] cur,
    input      [63:0] prev,
    output reg        still,
    output reg        still_v
);
    wire [11:0] sad;
    sad_unit #(.N(8), .W(8)) u_sad (.cur(cur), .ref_blk(prev), .sad(sad));
    always @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            still   <= 1'b0;
            still_v <= 1'b0;
        end else begin
            still_v <= valid;
            if (valid)
                still <= (sad == 12'd0);
        end
endmodule
