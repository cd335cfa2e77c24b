// One 9-bit adder for both directions; the clamp reads its carry.
module pix_sat (
    input  wire       clk,
    input  wire [7:0] p,
    input  wire [7:0] q,
    input  wire       dec,
    output reg  [7:0] o
);
    wire [8:0] s    = {1'b0, p} + {1'b0, q ^ {8{dec}}} + {8'd0, dec};
    wire       clip = s[8] ^ dec;
    always @(posedge clk)
        o <= clip ? {8{~dec}} : s[7:0];
endmodule
