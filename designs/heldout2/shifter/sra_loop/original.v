// Right shifter for a RV32 ALU: SRL/SRA selected by 'arith'.
module sra32 (
    input  wire [31:0] a,
    input  wire [4:0]  sh,
    input  wire        arith,
    output reg  [31:0] y
);
    integer i;
    wire fill = arith & a[31];
    always @* begin
        for (i = 0; i < 32; i = i + 1) begin
            if (i + sh < 32)
                y[i] = a[i + sh];
            else
                y[i] = fill;
        end
    end
endmodule
