// Line-code monitor: parity of the last 16 received bits of a serial stream (sync reset).
module sw_parity (
    input  wire clk,
    input  wire rst,
    input  wire bit_vld,
    input  wire bit_in,
    output wire odd16,
    output wire last_bit
);
    reg [15:0] sr;
    always @(posedge clk) begin
        if (rst)
            sr <= 16'h0000;
        else if (bit_vld)
            sr <= {sr[14:0], bit_in};
    end
    wire p0 = sr[0]  ^ sr[1]  ^ sr[2]  ^ sr[3];
    wire p1 = sr[4]  ^ sr[5]  ^ sr[6]  ^ sr[7];
    wire p2 = sr[8]  ^ sr[9]  ^ sr[10] ^ sr[11];
    wire p3 = sr[12] ^ sr[13] ^ sr[14] ^ sr[15];
    assign odd16    = p0 ^ p1 ^ p2 ^ p3;
    assign last_bit = sr[15];
endmodule
