// 3-tap median filter core (impulse-noise removal), registered output.
module median3 (
    input  wire       clk,
    input  wire [7:0] a,
    input  wire [7:0] b,
    input  wire [7:0] c,
    output reg  [7:0] med
);
    always @(posedge clk) begin
        if ((a >= b && a <= c) || (a <= b && a >= c))
            med <= a;
        else if ((b >= a && b <= c) || (b <= a && b >= c))
            med <= b;
        else
            med <= c;
    end
endmodule
