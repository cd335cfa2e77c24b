// Round-robin turn token: a one-hot token (shift left with wrap) in a child; the parent encodes it with a loop.
module token #(parameter int N = 4) (
  input  logic         clk,
  input  logic         rst,
  input  logic         pass,
  output logic [N-1:0] tok
);
  always_ff @(posedge clk) begin
    if (rst)       tok <= N'(1);
    else if (pass) tok <= tok[N-1] ? N'(1) : tok << 1;
  end
endmodule

module turn_top (
  input  logic       clk,
  input  logic       rst,
  input  logic       pass,
  input  logic [5:0] req,
  output logic [2:0] turn,
  output logic       go
);
  logic [5:0] tok;
  token #(.N(6)) u_tok (.clk, .rst, .pass, .tok);
  always_comb begin
    turn = '0;
    for (int i = 0; i < 6; i++)
      if (tok[i]) turn = 3'(i);
  end
  assign go = |(tok & req);
endmodule
