// Logic unit: op selects a word or its complement (AND/NAND, OR/NOR, XOR/XNOR, pass/invert).
module lu16 (
  input  logic [15:0] a, b,
  input  logic [1:0]  op,
  input  logic        inv,
  output logic [15:0] y
);
  logic [15:0] t_and, t_nand, t_or, t_nor, t_xor, t_xnor;
  assign t_and  = a & b;
  assign t_nand = ~(a & b);
  assign t_or   = a | b;
  assign t_nor  = ~a & ~b;
  assign t_xor  = a ^ b;
  assign t_xnor = a ~^ b;
  always_comb begin
    case ({op, inv})
      3'b000: y = t_and;
      3'b001: y = t_nand;
      3'b010: y = t_or;
      3'b011: y = t_nor;
      3'b100: y = t_xor;
      3'b101: y = t_xnor;
      3'b110: y = a;
      default: y = ~a;
    endcase
  end
endmodule
