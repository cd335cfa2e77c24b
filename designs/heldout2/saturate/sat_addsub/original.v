// Saturating add / floor-at-zero subtract for a 16-bit sample path.
module sat_addsub (
    input  wire [15:0] a,
    input  wire [15:0] b,
    input  wire        op_sub,
    output reg  [15:0] y,
    output reg         clipped
);
    integer sum;
    always @* begin
        sum = a + b;
        if (op_sub) begin
            if (a < b) begin
                y = 16'd0;
                clipped = 1'b1;
            end else begin
                y = a - b;
                clipped = 1'b0;
            end
        end else begin
            if (sum > 65535) begin
                y = 16'hFFFF;
                clipped = 1'b1;
            end else begin
                y = sum[15:0];
                clipped = 1'b0;
            end
        end
    end
endmodule
