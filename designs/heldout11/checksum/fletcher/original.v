// Streaming Fletcher checksum over W-bit words (Fletcher-2W): two running sums
// modulo 2^W - 1. Written straight from the definition.
module fletcher #(
    parameter W = 8
) (
    input  wire           clk,
    input  wire           rst,
    input  wire           clear,
    input  wire           valid,
    input  wire [W-1:0]   data,
    output wire [2*W-1:0] csum
);
    localparam MOD = (1 << W) - 1;

    reg [15:0] sum1, sum2;
    wire [15:0] sum1_n = (sum1 + data) % MOD;

    always @(posedge clk) begin
        if (rst || clear) begin
            sum1 <= 16'd0;
            sum2 <= 16'd0;
        end else if (valid) begin
            sum1 <= sum1_n;
            sum2 <= (sum2 + sum1_n) % MOD;
        end
    end

    assign csum = {sum2[W-1:0], sum1[W-1:0]};
endmodule

module nibble_csum (
    input  wire       clk,
    input  wire       rst,
    input  wire       clear,
    input  wire       valid,
    input  wire [4:0] data,
    output wire [9:0] csum
);
    fletcher #(.W(5)) u_f (.clk(clk), .rst(rst), .clear(clear), .valid(valid),
                           .data(data), .csum(csum));
endmodule
