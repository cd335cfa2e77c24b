// Power difference of two signed channels (beamformer null steering): |a|^2 - |b|^2 for real
// samples, each square from a Verilog function, the result registered.
module pdiff (
    input  wire              clk,
    input  wire signed [7:0] a,
    input  wire signed [7:0] b,
    output reg  signed [16:0] d
);
    function signed [15:0] sq;
        input signed [7:0] v;
        sq = v * v;
    endfunction
    always @(posedge clk)
        d <= sq(a) - sq(b);
endmodule
