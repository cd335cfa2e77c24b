// Running-disparity monitor for a 10-bit line code (8b/10b-like): a symbol is positive when it
// carries more ones than zeros, negative when fewer, neutral when balanced; flags code violations.
module rd_monitor (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       sym_valid,
  input  logic [9:0] sym,
  output logic       rd_pos,       // running disparity (1 = positive)
  output logic       disp_err
);
  function automatic logic [3:0] count_ones(input logic [9:0] v);
    count_ones = '0;
    for (int i = 0; i < 10; i++) count_ones += {3'b0, v[i]};
  endfunction

  function automatic logic [3:0] count_zeros(input logic [9:0] v);
    count_zeros = '0;
    for (int i = 0; i < 10; i++) count_zeros += {3'b0, ~v[i]};
  endfunction

  logic [3:0] ones, zeros;
  logic       pos_sym, neg_sym, bad_weight;
  always_comb begin
    ones       = count_ones(sym);
    zeros      = count_zeros(sym);
    pos_sym    = ones > zeros;
    neg_sym    = zeros > ones;
    // a valid symbol has 4, 5 or 6 ones
    bad_weight = (ones > zeros + 4'd2) || (zeros > ones + 4'd2);
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      rd_pos   <= 1'b0;
      disp_err <= 1'b0;
    end else if (sym_valid) begin
      disp_err <= bad_weight || (pos_sym && rd_pos) || (neg_sym && !rd_pos);
      if (pos_sym)      rd_pos <= 1'b1;
      else if (neg_sym) rd_pos <= 1'b0;
    end
  end
endmodule
