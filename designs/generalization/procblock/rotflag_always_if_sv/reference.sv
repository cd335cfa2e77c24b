// Bit-manipulation unit: one logarithmic rotator; a right rotate is a left rotate by the negated amount.
module bmu_rot (
    input  logic [15:0] a,
    input  logic [3:0]  amt,
    input  logic        right,
    output logic [15:0] y,
    output logic        msb,
    output logic        zero
);
    logic [3:0]  k;
    logic [15:0] s0, s1, s2;
    assign k  = right ? -amt : amt;
    assign s0 = k[0] ? {a[14:0], a[15]} : a;
    assign s1 = k[1] ? {s0[13:0], s0[15:14]} : s0;
    assign s2 = k[2] ? {s1[11:0], s1[15:12]} : s1;
    always_comb begin
        y    = k[3] ? {s2[7:0], s2[15:8]} : s2;
        msb  = y[15];
        zero = y == 16'd0;
    end
endmodule
