// Registered add/subtract unit: one adder with operand inversion and carry-in.
module addsub_unit #(
    parameter W = 16
) (
    input  wire         clk,
    input  wire         rst,
    input  wire [1:0]   op,
    input  wire [W-1:0] a,
    input  wire [W-1:0] b,
    output reg  [W-1:0] y
);
    // op 0: a + b, 1: a + ~b + 1, 2: ~a + b + 1, 3: a + 0
    wire [W-1:0] p   = a ^ {W{op == 2'd2}};
    wire [W-1:0] q   = (b & {W{~&op}}) ^ {W{op == 2'd1}};
    wire         cin = op[0] ^ op[1];

    always @(posedge clk) begin
        if (rst) y <= {W{1'b0}};
        else     y <= p + q + cin;
    end
endmodule
