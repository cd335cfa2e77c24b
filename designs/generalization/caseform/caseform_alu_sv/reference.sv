// Small ALU slice, hand-optimized: one arithmetic shifter on {fill, a} serves both right shifts
// (fill = a's sign only for the arithmetic opcode); the opcode stays a parallel case.
module alu_slice_sv #(parameter int W = 16) (
  input  logic [W-1:0] a,
  input  logic [W-1:0] b,
  input  logic [3:0]   sh,
  input  logic [2:0]   opc,
  output logic [W-1:0] r
);
  logic       fill;
  logic [W:0] wide;
  assign fill = opc[1] & a[W-1];
  assign wide = $signed({fill, a}) >>> sh;
  always_comb begin
    unique case (opc)
      3'd0: r = a + b;
      3'd1, 3'd2: r = wide[W-1:0];
      3'd3: r = a & b;
      3'd4: r = a ^ b;
      default: r = '0;
    endcase
  end
endmodule
