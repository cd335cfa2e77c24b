module mini_alu (
    input  wire        clk,
    input  wire [2:0]  op,
    input  wire [15:0] a,
    input  wire [15:0] b,
    output reg  [15:0] res
);
    // one adder: x + y + cin
    wire        sub_a = (op == 3'd2);
    wire        sub_b = (op == 3'd1);
    wire [15:0] x   = sub_a ? ~a : a;
    wire [15:0] y   = (op == 3'd3) ? 16'd0 : (sub_b ? ~b : b);
    wire        cin = sub_a | sub_b | (op == 3'd3);
    wire [15:0] sum = x + y + cin;
    reg  [15:0] r;
    always @(*) begin
        case (op)
            3'd4: r = a & b;
            3'd5: r = a | b;
            3'd6: r = a ^ b;
            3'd7: r = a;
            default: r = sum;
        endcase
    end
    always @(posedge clk)
        res <= r;
endmodule
