// Reference: both sums stay below MOD = 31, so they are W-bit registers, and
// (s + x) % MOD with s < MOD, x <= MOD is one conditional subtraction.
module nibble_csum (
    input  wire       clk,
    input  wire       rst,
    input  wire       clear,
    input  wire       valid,
    input  wire [4:0] data,
    output wire [9:0] csum
);
    reg  [4:0] sum1, sum2;
    wire [5:0] t1 = sum1 + data;
    wire [4:0] s1 = (t1 >= 6'd31) ? t1 - 6'd31 : t1[4:0];
    wire [5:0] t2 = sum2 + s1;
    wire [4:0] s2 = (t2 >= 6'd31) ? t2 - 6'd31 : t2[4:0];

    always @(posedge clk) begin
        if (rst || clear) begin
            sum1 <= 5'd0;
            sum2 <= 5'd0;
        end else if (valid) begin
            sum1 <= s1;
            sum2 <= s2;
        end
    end

    assign csum = {sum2, sum1};
endmodule
