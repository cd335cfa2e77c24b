// Running parity over the last 4 received bytes (link-layer sanity check).
module window_parity (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       vld,
    input  wire [7:0] rx,
    output wire       par,
    output wire [7:0] oldest
);
    reg [7:0] win [0:3];
    integer k;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            for (k = 0; k < 4; k = k + 1) win[k] <= 8'd0;
        end else if (vld) begin
            win[0] <= rx;
            for (k = 1; k < 4; k = k + 1) win[k] <= win[k-1];
        end
    end
    wire [31:0] flat = {win[3], win[2], win[1], win[0]};
    wire [31:0] px;
    genvar g;
    generate
        for (g = 0; g < 32; g = g + 1) begin : red
            if (g == 0) begin : first
                assign px[g] = flat[g];
            end else begin : rest
                assign px[g] = px[g-1] ^ flat[g];
            end
        end
    endgenerate
    assign par    = px[31];
    assign oldest = win[3];
endmodule
