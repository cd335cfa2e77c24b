// Coarse 4-bin histogram (bin = sample[7:6]) with saturating bin counters, cleared by clr
module hist4 #(parameter int MAXC = 255) (
  input  logic       clk,
  input  logic       rst,
  input  logic       clr,
  input  logic       vld,
  input  logic [7:0] sample,
  output logic [3:0][7:0] bin_cnt,
  output logic       any_full
);
  int cnt [4];

  always_ff @(posedge clk) begin
    if (rst || clr) begin
      for (int b = 0; b < 4; b++) cnt[b] <= 0;
    end else if (vld) begin
      for (int b = 0; b < 4; b++)
        if (sample[7:6] == 2'(b) && cnt[b] < MAXC) cnt[b] <= cnt[b] + 1;
    end
  end

  always_comb begin
    any_full = 1'b0;
    for (int b = 0; b < 4; b++) begin
      bin_cnt[b] = 8'(cnt[b]);
      if (cnt[b] == MAXC) any_full = 1'b1;
    end
  end
endmodule

module hist4_60 (
  input  logic       clk, rst, clr, vld,
  input  logic [7:0] sample,
  output logic [3:0][7:0] bin_cnt,
  output logic       any_full
);
  hist4 #(.MAXC(60)) u_h (.*);
endmodule
