// 12-bit ALU slice (SystemVerilog): results computed in logic temporaries, picked by the opcode.
module alu12 (
  input  logic [1:0]  fn,
  input  logic [11:0] a, b,
  output logic [11:0] y
);
  logic [11:0] add_r, sub_r;
  logic        slt_r, sltu_r;
  assign add_r  = a + b;
  assign sub_r  = a - b;
  assign slt_r  = $signed(a) < $signed(b);
  assign sltu_r = a < b;
  always_comb begin
    unique case (fn)
      2'b00: y = add_r;
      2'b01: y = sub_r;
      2'b10: y = {11'd0, slt_r};
      2'b11: y = {11'd0, sltu_r};
    endcase
  end
endmodule
