// Running parity: the bit shifted in enters, the bit shifted out leaves.
module sw_parity (
    input  wire clk,
    input  wire rst,
    input  wire bit_vld,
    input  wire bit_in,
    output reg  odd16,
    output wire last_bit
);
    reg [15:0] sr;
    always @(posedge clk) begin
        if (rst) begin
            sr    <= 16'h0000;
            odd16 <= 1'b0;
        end else if (bit_vld) begin
            sr    <= {sr[14:0], bit_in};
            odd16 <= odd16 ^ bit_in ^ sr[15];
        end
    end
    assign last_bit = sr[15];
endmodule
