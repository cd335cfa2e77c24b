module alu_slt_r (
  input  [15:0] src1, src2,
  input  [2:0]  ctl,
  output [15:0] out
);
  wire        sub  = ctl[0] | ctl[1];
  wire [16:0] s    = {1'b0, src1} + {1'b0, src2 ^ {16{sub}}} + sub;
  wire        ltu  = ~s[16];
  wire        eq   = ~|s[15:0];
  assign out = ~ctl[2] ? (ctl[1] ? {15'd0, ctl[0] ? eq : ltu} : s[15:0])
             : ctl[1:0] == 2'd0 ? src1 & src2
             : ctl[1:0] == 2'd1 ? src1 | src2
             : ctl[1:0] == 2'd2 ? src1 ^ src2
             : {15'd0, ~ltu};
endmodule
