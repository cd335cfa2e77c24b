// The look-ahead generator's state is always step(cur_state), so its output bit is cur_state[5].
module prbs_lookahead (
  input  logic       clk,
  input  logic       rst,
  input  logic       en,
  output logic       cur_bit,
  output logic       next_bit,
  output logic [6:0] cur_state
);
  always_ff @(posedge clk) begin
    if (rst)     cur_state <= 7'h7F;
    else if (en) cur_state <= {cur_state[5:0], cur_state[6] ^ cur_state[5]};
  end
  assign cur_bit  = cur_state[6];
  assign next_bit = cur_state[5];
endmodule
