// Position sample held Gray-coded (a habit from clock-crossing pointers) in a same-clock stage and
// decoded again for the local consumer: encode (function) -> register (sync reset, enable) ->
// prefix-XOR decode (always_comb loop).
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
  function automatic logic [W-1:0] to_gray(input logic [W-1:0] b);
    to_gray = b ^ (b >> 1);
  endfunction

  logic [W-1:0] pos_g;

  always_ff @(posedge clk) begin
    if (srst)
      pos_g <= '0;
    else if (take)
      pos_g <= to_gray(pos);
  end

  always_comb begin
    pos_q[W-1] = pos_g[W-1];
    for (int i = W - 2; i >= 0; i--)
      pos_q[i] = pos_q[i + 1] ^ pos_g[i];
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
