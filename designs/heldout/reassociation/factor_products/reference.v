module dot_shared (
    input  wire        clk,
    input  wire [7:0]  w,
    input  wire [7:0]  x0,
    input  wire [7:0]  x1,
    input  wire [7:0]  x2,
    output reg  [17:0] acc
);
    wire [9:0] xs = x0 + x1 + x2;
    always @(posedge clk)
        acc <= w * xs;
endmodule
