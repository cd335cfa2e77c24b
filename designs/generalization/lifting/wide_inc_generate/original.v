module ctr_next (
  input  [79:0] cnt,
  output [79:0] cnt_inc
);
  // ripple increment: bit i toggles when every lower bit is one
  wire [80:0] carry;
  assign carry[0] = 1'b1;
  genvar g;
  generate
    for (g = 0; g < 80; g = g + 1) begin : inc
      assign cnt_inc[g]  = cnt[g] ^ carry[g];
      assign carry[g+1]  = cnt[g] & carry[g];
    end
  endgenerate
endmodule
