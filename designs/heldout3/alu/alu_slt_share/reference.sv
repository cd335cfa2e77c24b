// Small integer ALU slice (RISC-V style op set), parameterized width.
// One adder/subtractor: SUB/SLT/SLTU/EQ all come from a - b (carry, sign, zero).
module alu #(
  parameter int W = 32
) (
  input  logic [2:0]   op_i,
  input  logic [W-1:0] a_i,
  input  logic [W-1:0] b_i,
  output logic [W-1:0] res_o,
  output logic         eq_o
);
  logic         sub;
  logic [W-1:0] b_op;
  logic [W:0]   ext;
  logic         lt_u, lt_s;

  assign sub  = (op_i != 3'd0);
  assign b_op = sub ? ~b_i : b_i;
  assign ext  = {1'b0, a_i} + {1'b0, b_op} + {{W{1'b0}}, sub};
  assign lt_u = ~ext[W];
  assign lt_s = (a_i[W-1] ^ b_i[W-1]) ? a_i[W-1] : ext[W-1];
  assign eq_o = (a_i == b_i);

  always_comb begin
    unique case (op_i)
      3'd0, 3'd1: res_o = ext[W-1:0];
      3'd2:       res_o = {{(W-1){1'b0}}, lt_s};
      3'd3:       res_o = {{(W-1){1'b0}}, lt_u};
      3'd4:       res_o = a_i & b_i;
      3'd5:       res_o = a_i | b_i;
      3'd6:       res_o = a_i ^ b_i;
      default:    res_o = b_i;
    endcase
  end
endmodule

module alu_top (
  input  logic [2:0]  op,
  input  logic [15:0] a,
  input  logic [15:0] b,
  output logic [15:0] y,
  output logic        eq
);
  alu #(.W(16)) u_alu (.op_i(op), .a_i(a), .b_i(b), .res_o(y), .eq_o(eq));
endmodule
