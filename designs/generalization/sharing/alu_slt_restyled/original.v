// restyle of alu_slt_case: continuous assignment, renamed, comparisons written the other way round
module alu_slt_r (
  input  [15:0] src1, src2,
  input  [2:0]  ctl,
  output [15:0] out
);
  wire is_add = ctl == 3'd0;
  wire is_sub = ctl == 3'd1;
  wire is_lt  = ctl == 3'd2;
  wire is_eq  = ctl == 3'd3;
  assign out = is_add ? src1 + src2
             : is_sub ? src1 - src2
             : is_lt  ? {15'd0, src2 > src1}
             : is_eq  ? {15'd0, src1 == src2}
             : ctl == 3'd4 ? src1 & src2
             : ctl == 3'd5 ? src1 | src2
             : ctl == 3'd6 ? src1 ^ src2
             : {15'd0, src2 <= src1};
endmodule
