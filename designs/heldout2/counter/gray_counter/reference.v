// Keep the count in binary; the Gray value is a single XOR layer on the register outputs,
// so the Gray-to-binary prefix-XOR chain disappears from the increment loop.
module gray_counter (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       inc,
    output wire [7:0] gray
);
    reg [7:0] bin;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            bin <= 8'd0;
        else if (inc)
            bin <= bin + 8'd1;
    end
    assign gray = bin ^ (bin >> 1);
endmodule
