// Logic unit: one selection of the base word, then the inversion as an XOR with inv.
module lu16 (
  input  logic [15:0] a, b,
  input  logic [1:0]  op,
  input  logic        inv,
  output logic [15:0] y
);
  logic [15:0] base;
  always_comb begin
    case (op)
      2'b00: base = a & b;
      2'b01: base = a | b;
      2'b10: base = a ^ b;
      default: base = a;
    endcase
    y = base ^ {16{inv}};
  end
endmodule
