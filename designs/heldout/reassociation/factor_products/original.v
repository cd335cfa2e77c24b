module dot_shared (
    input  wire        clk,
    input  wire [7:0]  w,
    input  wire [7:0]  x0,
    input  wire [7:0]  x1,
    input  wire [7:0]  x2,
    output reg  [17:0] acc
);
    wire [15:0] p0 = w * x0;
    wire [15:0] p1 = w * x1;
    wire [15:0] p2 = w * x2;
    always @(posedge clk)
        acc <= p0 + p1 + p2;
endmodule
