// PRBS-9 with look-ahead, reference: the successor's MSB is cur[7].
module prbs9_ahead #(parameter logic [8:0] SEED = 9'h1FF) (
  input  logic clk,
  input  logic rst_n,
  input  logic go,
  output logic bit_now,
  output logic bit_next,
  output logic [8:0] state
);
  logic [8:0] cur;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n)  cur <= SEED;
    else if (go) cur <= {cur[7:0], cur[8] ^ cur[4]};
  end
  assign bit_now  = cur[8];
  assign state    = cur;
  assign bit_next = cur[7];
endmodule

module prbs9_top (
  input  logic clk, rst_n, go,
  output logic b0, b1,
  output logic [8:0] st
);
  prbs9_ahead #(.SEED(9'h0A5)) u_gen (.clk, .rst_n, .go, .bit_now(b0), .bit_next(b1), .state(st));
endmodule
