// Zbb count unit: CLZ, CTZ and CPOP on a 32-bit operand (one result per instruction).
module zbb_count (
  input  wire [1:0]  op,        // 0: clz, 1: ctz, 2: cpop
  input  wire [31:0] rs1,
  output reg  [5:0]  rd
);
  reg [5:0] clz, ctz, cpop;
  reg       found;
  integer i;

  always @* begin
    // leading zeros: scan from the MSB
    clz = 6'd32;
    found = 1'b0;
    for (i = 31; i >= 0; i = i - 1)
      if (!found && rs1[i]) begin
        clz = 31 - i;
        found = 1'b1;
      end
    // trailing zeros: scan from the LSB
    ctz = 6'd32;
    found = 1'b0;
    for (i = 0; i < 32; i = i + 1)
      if (!found && rs1[i]) begin
        ctz = i;
        found = 1'b1;
      end
    cpop = 6'd0;
    for (i = 0; i < 32; i = i + 1)
      cpop = cpop + rs1[i];
    case (op)
      2'd0:    rd = clz;
      2'd1:    rd = ctz;
      default: rd = cpop;
    endcase
  end
endmodule
