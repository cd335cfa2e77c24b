// Shift unit: logical left, logical right, arithmetic right.
module shifter #(
  parameter int W  = 32,
  parameter int SW = $clog2(W)
) (
  input  logic [1:0]    op_i,   // 0: SLL, 1: SRL, 2/3: SRA
  input  logic [W-1:0]  data_i,
  input  logic [SW-1:0] shamt_i,
  output logic [W-1:0]  data_o
);
  always_comb begin
    priority case (op_i)
      2'd0:    data_o = data_i << shamt_i;
      2'd1:    data_o = data_i >> shamt_i;
      default: data_o = $unsigned($signed(data_i) >>> shamt_i);
    endcase
  end
endmodule

module shift_unit_top (
  input  logic [1:0]  op,
  input  logic [23:0] din,
  input  logic [4:0]  sh,
  output logic [23:0] dout
);
  shifter #(.W(24), .SW(5)) u_sh (.op_i(op), .data_i(din), .shamt_i(sh), .data_o(dout));
endmodule
