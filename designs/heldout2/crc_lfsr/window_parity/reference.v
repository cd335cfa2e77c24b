// Parity register updated incrementally: par ^= ^entering ^ ^leaving.
module window_parity (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       vld,
    input  wire [7:0] rx,
    output reg        par,
    output wire [7:0] oldest
);
    reg [7:0] win [0:3];
    integer k;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            for (k = 0; k < 4; k = k + 1) win[k] <= 8'd0;
            par <= 1'b0;
        end else if (vld) begin
            win[0] <= rx;
            for (k = 1; k < 4; k = k + 1) win[k] <= win[k-1];
            par <= par ^ (^rx) ^ (^win[3]);
        end
    end
    assign oldest = win[3];
endmodule
