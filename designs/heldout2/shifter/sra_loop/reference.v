module sra32 (
    input  wire [31:0] a,
    input  wire [4:0]  sh,
    input  wire        arith,
    output wire [31:0] y
);
    wire [32:0] ext = {arith & a[31], a};
    wire [32:0] r   = $signed(ext) >>> sh;
    assign y = r[31:0];
endmodule
