// Small ALU slice: five operations on a 16-bit word chosen by a 3-bit opcode (always_comb case);
// the logical and the arithmetic right shift are separate operators.
module alu_slice_sv #(parameter int W = 16) (
  input  logic [W-1:0] a,
  input  logic [W-1:0] b,
  input  logic [3:0]   sh,
  input  logic [2:0]   opc,
  output logic [W-1:0] r
);
  always_comb begin
    unique case (opc)
      3'd0: r = a + b;
      3'd1: r = a >> sh;
      3'd2: r = $signed(a) >>> sh;
      3'd3: r = a & b;
      3'd4: r = a ^ b;
      default: r = '0;
    endcase
  end
endmodule
