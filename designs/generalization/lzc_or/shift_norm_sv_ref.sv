// Three-lane right-justifier, reference: min of the trailing-zero counts = the count of the lanes' OR.
module shift_norm (
  input  logic        clk,
  input  logic        go,
  input  logic [11:0] l0, l1, l2,
  output logic [3:0]  sh_q,
  output logic [11:0] r0_q, r1_q, r2_q
);
  logic [11:0] any;
  logic [3:0] sh;
  assign any = l0 | l1 | l2;
  always_comb begin
    sh = 4'd12;
    for (int i = 11; i >= 0; i--)
      if (any[i]) sh = i[3:0];
  end
  always_ff @(posedge clk)
    if (go) begin
      sh_q <= sh;
      r0_q <= l0 >> sh;
      r1_q <= l1 >> sh;
      r2_q <= l2 >> sh;
    end
endmodule
