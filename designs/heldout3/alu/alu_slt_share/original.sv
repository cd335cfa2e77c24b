// Small integer ALU slice (RISC-V style op set), parameterized width.
module alu #(
  parameter int W = 32
) (
  input  logic [2:0]   op_i,
  input  logic [W-1:0] a_i,
  input  logic [W-1:0] b_i,
  output logic [W-1:0] res_o,
  output logic         eq_o
);
  typedef enum logic [2:0] {
    OP_ADD  = 3'd0,
    OP_SUB  = 3'd1,
    OP_SLT  = 3'd2,
    OP_SLTU = 3'd3,
    OP_AND  = 3'd4,
    OP_OR   = 3'd5,
    OP_XOR  = 3'd6,
    OP_PASS = 3'd7
  } alu_op_e;

  logic [W-1:0] sum, diff;
  logic         lt_s, lt_u;

  assign sum  = a_i + b_i;
  assign diff = a_i - b_i;
  assign lt_s = $signed(a_i) < $signed(b_i);
  assign lt_u = a_i < b_i;
  assign eq_o = (a_i == b_i);

  always_comb begin
    unique case (op_i)
      OP_ADD:  res_o = sum;
      OP_SUB:  res_o = diff;
      OP_SLT:  res_o = {{(W-1){1'b0}}, lt_s};
      OP_SLTU: res_o = {{(W-1){1'b0}}, lt_u};
      OP_AND:  res_o = a_i & b_i;
      OP_OR:   res_o = a_i | b_i;
      OP_XOR:  res_o = a_i ^ b_i;
      default: res_o = b_i;
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
