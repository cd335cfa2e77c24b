module bin2bcd8 (
    input  wire [7:0]  bin,
    output wire [11:0] bcd
);
    // q = bin/10 via reciprocal multiply (exact for 0..255): (bin*205) >> 11
    wire [15:0] m   = bin * 8'd205;
    wire [4:0]  q   = m[15:11];                 // 0..25
    wire [3:0]  d0  = bin - {q, 3'b000} - {q, 1'b0};
    // q/10 for q <= 25, and q%10
    wire [1:0]  h   = (q >= 5'd20) ? 2'd2 : (q >= 5'd10) ? 2'd1 : 2'd0;
    wire [3:0]  d1  = q - {h, 3'b000} - {h, 1'b0};
    assign bcd = {2'b00, h, d1, d0};
endmodule
