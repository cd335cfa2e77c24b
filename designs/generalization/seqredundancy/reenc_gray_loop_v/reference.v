// Reference: the position is kept in binary; the Gray code is one XOR layer on the register.
module wheel_pos (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    input  wire       up,
    input  wire       load,
    input  wire [7:0] load_bin,
    output wire [7:0] code,
    output wire [3:0] coarse
);
    reg [7:0] bin;
    always @(posedge clk) begin
        if (rst)
            bin <= 8'h80;
        else if (en | load)
            bin <= load ? load_bin : (up ? bin + 8'd1 : bin - 8'd1);
    end
    assign code = bin ^ (bin >> 1);
    assign coarse = bin[7:4];
endmodule
