// Each ring is a down counter from N-1 with wrap; the enables are its active-low decode.
module phases (
  input  logic       clk,
  input  logic       rst_n,
  input  logic [2:0] adv,
  output logic [2:0] p0,
  output logic [5:0] e1,
  output logic [2:0] c2
);
  logic [1:0] i0;
  logic [2:0] i1;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      i0 <= 2'd2;
      i1 <= 3'd5;
      c2 <= 3'd5;
    end else begin
      if (adv[0]) i0 <= (i0 == 2'd0) ? 2'd2 : i0 - 2'd1;
      if (adv[1]) i1 <= (i1 == 3'd0) ? 3'd5 : i1 - 3'd1;
      if (adv[2]) c2 <= (c2 == 3'd0) ? 3'd5 : c2 - 3'd1;
    end
  assign p0 = 3'b1 << i0;
  assign e1 = ~(6'b1 << i1);
endmodule
