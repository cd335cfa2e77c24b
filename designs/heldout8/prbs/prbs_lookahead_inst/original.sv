// PRBS-7 source with a one-bit look-ahead: a second generator, seeded one step ahead,
// runs in lock-step with the first and supplies the next bit.
module prbs7 #(parameter logic [6:0] SEED = 7'h7F) (
  input  logic       clk,
  input  logic       rst,
  input  logic       en,
  output logic [6:0] state,
  output logic       bit_o
);
  always_ff @(posedge clk) begin
    if (rst)     state <= SEED;
    else if (en) state <= {state[5:0], state[6] ^ state[5]};
  end
  assign bit_o = state[6];
endmodule

module prbs_lookahead (
  input  logic       clk,
  input  logic       rst,
  input  logic       en,
  output logic       cur_bit,
  output logic       next_bit,
  output logic [6:0] cur_state
);
  logic [6:0] unused_state;
  prbs7 #(.SEED(7'h7F)) u_cur (.clk, .rst, .en, .state(cur_state),    .bit_o(cur_bit));
  prbs7 #(.SEED(7'h7E)) u_nxt (.clk, .rst, .en, .state(unused_state), .bit_o(next_bit));
endmodule
