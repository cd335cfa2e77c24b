// PRBS-9 (x^9 + x^5 + 1) with its successor state kept in a second register of the same block, so the
// next output bit is available a cycle early (SV, function for the step).
module prbs9_ahead #(parameter logic [8:0] SEED = 9'h1FF) (
  input  logic clk,
  input  logic rst_n,
  input  logic go,
  output logic bit_now,
  output logic bit_next,
  output logic [8:0] state
);
  function automatic logic [8:0] step(input logic [8:0] s);
    step = {s[7:0], s[8] ^ s[4]};
  endfunction
  logic [8:0] cur, ahead;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      cur   <= SEED;
      ahead <= step(SEED);
    end else if (go) begin
      cur   <= ahead;
      ahead <= step(ahead);
    end
  end
  assign bit_now  = cur[8];
  assign state    = cur;
  assign bit_next = ahead[8];
endmodule

module prbs9_top (
  input  logic clk, rst_n, go,
  output logic b0, b1,
  output logic [8:0] st
);
  prbs9_ahead #(.SEED(9'h0A5)) u_gen (.clk, .rst_n, .go, .bit_now(b0), .bit_next(b1), .state(st));
endmodule
