// Shift unit: logical left, logical right, arithmetic right.
// One right shifter: left shifts reverse the operand and the result.
module shifter #(
  parameter int W  = 32,
  parameter int SW = $clog2(W)
) (
  input  logic [1:0]    op_i,   // 0: SLL, 1: SRL, 2/3: SRA
  input  logic [W-1:0]  data_i,
  input  logic [SW-1:0] shamt_i,
  output logic [W-1:0]  data_o
);
  function automatic logic [W-1:0] rev(input logic [W-1:0] x);
    for (int i = 0; i < W; i++) rev[i] = x[W-1-i];
  endfunction

  logic          left, fill;
  logic [W-1:0]  opnd, shr;

  assign left = (op_i == 2'd0);
  assign fill = op_i[1] & data_i[W-1];
  assign opnd = left ? rev(data_i) : data_i;
  assign shr  = W'($signed({fill, opnd}) >>> shamt_i);
  assign data_o = left ? rev(shr) : shr;
endmodule

module shift_unit_top (
  input  logic [1:0]  op,
  input  logic [23:0] din,
  input  logic [4:0]  sh,
  output logic [23:0] dout
);
  shifter #(.W(24), .SW(5)) u_sh (.op_i(op), .data_i(din), .shamt_i(sh), .data_o(dout));
endmodule
