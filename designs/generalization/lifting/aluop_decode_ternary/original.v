// 16-bit ALU of a small core: funct3 and the funct7 bit are first decoded into an ALU opcode by a
// function, then the result is selected by comparing that opcode.
module alu16 (
  input  wire [2:0]  funct3,
  input  wire        f7b5,
  input  wire [15:0] a,
  input  wire [15:0] b,
  output wire [15:0] y
);
  localparam [2:0] OP_ADD = 3'd0, OP_SUB = 3'd1, OP_AND = 3'd2, OP_OR = 3'd3,
                   OP_XOR = 3'd4, OP_PASS = 3'd5, OP_NOP = 3'd7;

  function [2:0] decode;
    input [2:0] f3;
    input       alt;
    begin
      case (f3)
        3'b000:  decode = alt ? OP_SUB : OP_ADD;
        3'b100:  decode = OP_XOR;
        3'b110:  decode = OP_OR;
        3'b111:  decode = OP_AND;
        3'b011:  decode = OP_PASS;
        default: decode = OP_NOP;
      endcase
    end
  endfunction

  wire [2:0] op = decode(funct3, f7b5);

  assign y = (op == OP_ADD) ? a + b :
             (op == OP_SUB) ? a - b :
             (op == OP_AND) ? a & b :
             (op == OP_OR)  ? a | b :
             (op == OP_XOR) ? a ^ b :
             (op == OP_PASS) ? b : 16'd0;
endmodule
