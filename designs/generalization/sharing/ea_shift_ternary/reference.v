// Effective-address offset select of a 24-bit address unit: displacement, index, scaled index
// (index << scale) or a fixed stride of 4, then one adder. The index and scaled-index arms share one
// shifter (amount 0 for the plain index).
module ea_unit (
  input  wire [1:0]  op,
  input  wire [1:0]  scale,
  input  wire [23:0] base,
  input  wire [23:0] idx,
  input  wire [15:0] disp,
  output wire [23:0] ea
);
  wire [23:0] idx_sh = idx << (op[1] ? scale : 2'd0);
  wire [23:0] off = (op == 2'd0) ? {{8{disp[15]}}, disp} :
                    (op == 2'd3) ? 24'd4 : idx_sh;
  assign ea = base + off;
endmodule
