// (x + y)(x - y) in N+1 bits: one product.
module latt_top (
    input  logic signed [1:0][4:0] tap,
    output logic signed [10:0]     e
);
    logic signed [5:0] s, d;
    assign s = $signed(tap[0]) + $signed(tap[1]);
    assign d = $signed(tap[0]) - $signed(tap[1]);
    assign e = s * d;
endmodule
