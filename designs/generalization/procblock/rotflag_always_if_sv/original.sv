// Bit-manipulation unit: rotate left or right by a 4-bit amount, with the result's top bit and a
// zero flag, all set in one always_comb block by an if on the direction (shift-pair rotates).
module bmu_rot (
    input  logic [15:0] a,
    input  logic [3:0]  amt,
    input  logic        right,
    output logic [15:0] y,
    output logic        msb,
    output logic        zero
);
    always_comb begin
        zero = 1'b0;
        if (right) begin
            y   = (a >> amt) | (a << (16 - amt));
            msb = y[15];
        end else begin
            y   = (a << amt) | (a >> (16 - amt));
            msb = y[15];
        end
        if (y == 16'd0)
            zero = 1'b1;
    end
endmodule
