// Logarithmic rotator: four mux stages of 1, 2, 4, 8.
module rotl16 (
    input  wire [15:0] x,
    input  wire [3:0]  amt,
    output wire [15:0] y
);
    wire [15:0] s0 = amt[0] ? {x[14:0],  x[15]}     : x;
    wire [15:0] s1 = amt[1] ? {s0[13:0], s0[15:14]} : s0;
    wire [15:0] s2 = amt[2] ? {s1[11:0], s1[15:12]} : s1;
    assign      y  = amt[3] ? {s2[7:0],  s2[15:8]}  : s2;
endmodule
