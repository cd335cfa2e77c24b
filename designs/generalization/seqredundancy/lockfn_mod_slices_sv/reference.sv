// Decade sequencer, reference: the mod-5 and mod-2 phases are idx mod 5 and idx mod 2.
module step10 (
  input  logic       clk, rst_n, stb,
  output logic [3:0] idx,
  output logic       last
);
  assign last = stb && idx == 4'd9;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n)   idx <= '0;
    else if (stb) idx <= (idx == 4'd9) ? 4'd0 : idx + 4'd1;
endmodule

module decade_seq (
  input  logic       clk, rst_n, stb,
  output logic [3:0] idx,
  output logic       dec_end, half_end, pair_end,
  output logic       odd
);
  step10 u_dec (.clk, .rst_n, .stb, .idx, .last(dec_end));
  assign half_end = stb && (idx == 4'd4 || idx == 4'd9);
  assign pair_end = stb && idx[0];
  assign odd = idx[0];
endmodule
