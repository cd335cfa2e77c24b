// Hand reference: decode(encode(x)) = x: the stage holds the position itself.
module pos_sample #(
  parameter int W = 10
) (
  input  logic         clk,
  input  logic         srst,
  input  logic         take,
  input  logic [W-1:0] pos,
  output logic [W-1:0] pos_q,
  output logic         at_home
);
  always_ff @(posedge clk) begin
    if (srst)
      pos_q <= '0;
    else if (take)
      pos_q <= pos;
  end

  assign at_home = pos_q == '0;
endmodule

module pos_track (
  input  logic        clk,
  input  logic        srst,
  input  logic        take,
  input  logic [11:0] pos,
  output logic [11:0] pos_q,
  output logic        at_home
);
  pos_sample #(.W(12)) u_s (.clk(clk), .srst(srst), .take(take), .pos(pos), .pos_q(pos_q), .at_home(at_home));
endmodule
