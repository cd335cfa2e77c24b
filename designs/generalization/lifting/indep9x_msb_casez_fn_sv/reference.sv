module msb_grant (
  input  logic [15:0] req,
  output logic [15:0] gnt
);
  logic [15:0] above;
  always_comb begin
    above[15] = 1'b0;
    for (int i = 14; i >= 0; i--) above[i] = above[i+1] | req[i+1];
  end
  assign gnt = req & ~above;
endmodule
