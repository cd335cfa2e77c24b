module mini_alu (
    input  wire        clk,
    input  wire [2:0]  op,
    input  wire [15:0] a,
    input  wire [15:0] b,
    output reg  [15:0] res
);
    reg [15:0] r;
    always @(*) begin
        case (op)
            3'd0: r = a + b;
            3'd1: r = a - b;
            3'd2: r = b - a;
            3'd3: r = a + 16'd1;
            3'd4: r = a & b;
            3'd5: r = a | b;
            3'd6: r = a ^ b;
            default: r = a;
        endcase
    end
    always @(posedge clk)
        res <= r;
endmodule
