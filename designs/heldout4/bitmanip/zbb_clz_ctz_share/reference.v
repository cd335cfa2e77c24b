// Zbb count unit: CLZ, CTZ and CPOP on a 32-bit operand (one result per instruction).
// CTZ(x) == CLZ(bitreverse(x)): one leading-zero counter behind an operand mux.
module zbb_count (
  input  wire [1:0]  op,        // 0: clz, 1: ctz, 2: cpop
  input  wire [31:0] rs1,
  output reg  [5:0]  rd
);
  reg [31:0] v;
  reg [5:0]  lz, cpop;
  reg        found;
  integer i;

  always @* begin
    for (i = 0; i < 32; i = i + 1)
      v[i] = (op == 2'd1) ? rs1[31 - i] : rs1[i];
    lz = 6'd32;
    found = 1'b0;
    for (i = 31; i >= 0; i = i - 1)
      if (!found && v[i]) begin
        lz = 31 - i;
        found = 1'b1;
      end
    cpop = 6'd0;
    for (i = 0; i < 32; i = i + 1)
      cpop = cpop + rs1[i];
    rd = op[1] ? cpop : lz;
  end
endmodule
