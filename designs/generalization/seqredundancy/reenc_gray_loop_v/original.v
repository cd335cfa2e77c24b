// Up/down Gray-coded position counter: decode by a loop, re-encode per step.
module wheel_pos (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    input  wire       up,
    input  wire       load,
    input  wire [7:0] load_bin,
    output reg  [7:0] code,
    output wire [3:0] coarse
);
    reg [7:0] bin;
    integer i;
    always @* begin
        bin[7] = code[7];
        for (i = 6; i >= 0; i = i - 1)
            bin[i] = bin[i + 1] ^ code[i];
    end
    wire [7:0] bnext = load ? load_bin : (up ? bin + 8'd1 : bin - 8'd1);
    wire [7:0] gnext = {bnext[7], bnext[7:1] ^ bnext[6:0]};
    always @(posedge clk) begin
        if (rst)
            code <= 8'hC0;
        else if (en | load)
            code <= gnext;
    end
    assign coarse = bin[7:4];
endmodule
