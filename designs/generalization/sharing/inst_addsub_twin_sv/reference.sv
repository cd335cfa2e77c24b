// Signed saturating gain trim (SystemVerilog): one saturating adder serves
// both directions (the step inverted with a carry-in of 1 when going down).
module gain_trim (
    input  logic              clk,
    input  logic              up,
    input  logic signed [9:0] level,
    input  logic signed [9:0] step,
    output logic signed [9:0] trimmed,
    output logic              clipped
);
    logic [10:0] s;
    logic [9:0]  kx;
    logic        clip;
    logic [9:0]  o;
    always_comb begin
        kx   = step ^ {10{~up}};
        s    = {level[9], level} + {kx[9], kx} + {10'd0, ~up};
        clip = s[10] ^ s[9];
        if (!clip)     o = s[9:0];
        else if (s[10]) o = 10'h200;
        else            o = 10'h1ff;
    end

    always_ff @(posedge clk) begin
        trimmed <= o;
        clipped <= clip;
    end
endmodule
