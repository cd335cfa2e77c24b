// 16-bit ALU: the result is selected directly on funct3 / funct7 (no intermediate opcode); add and
// subtract share one adder.
module alu16 (
  input  wire [2:0]  funct3,
  input  wire        f7b5,
  input  wire [15:0] a,
  input  wire [15:0] b,
  output wire [15:0] y
);
  wire is_add  = (funct3 == 3'b000) & ~f7b5;
  wire is_sub  = (funct3 == 3'b000) &  f7b5;
  wire is_and  = (funct3 == 3'b111);
  wire is_or   = (funct3 == 3'b110);
  wire is_xor  = (funct3 == 3'b100);
  wire is_pass = (funct3 == 3'b011);
  wire [15:0] sum = a + (b ^ {16{f7b5}}) + f7b5;
  assign y = ({16{is_add | is_sub}} & sum) | ({16{is_and}} & (a & b)) |
             ({16{is_or}} & (a | b)) | ({16{is_xor}} & (a ^ b)) | ({16{is_pass}} & b);
endmodule
