// 16 x 8 register file of a tiny accumulator core; r0 always reads zero (writes to it store 0).
module rf16x8 (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       wen,
    input  wire [3:0] wa,
    input  wire [7:0] wd,
    input  wire [3:0] ra,
    input  wire [3:0] rb,
    output wire [7:0] qa,
    output wire [7:0] qb
);
    reg [7:0] rf [0:15];
    integer k;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            for (k = 0; k < 16; k = k + 1)
                rf[k] <= 8'h00;
        end else if (wen) begin
            rf[wa] <= (wa == 4'd0) ? 8'h00 : wd;
        end
    end
    assign qa = rf[ra];
    assign qb = rf[rb];
endmodule
