// Burst statistics: counts of burst starts and burst ends of an 'active' level, one parameterized
// pulse counter per edge (SV: always_ff, bit parameter, size cast of the event).
module pulse_cnt #(parameter int W = 8, parameter bit LEAD = 1'b1) (
  input  logic         clk,
  input  logic         rst,
  input  logic         lvl,
  output logic [W-1:0] cnt
);
  logic lvl_d;
  always_ff @(posedge clk) begin
    if (rst) begin
      lvl_d <= 1'b0;
      cnt   <= '0;
    end else begin
      lvl_d <= lvl;
      cnt   <= cnt + W'(LEAD ? (lvl & ~lvl_d) : (~lvl & lvl_d));
    end
  end
endmodule

module burst_stats (
  input  logic        clk,
  input  logic        rst,
  input  logic        active,
  output logic [13:0] starts,
  output logic [13:0] ends
);
  pulse_cnt #(.W(14), .LEAD(1'b1)) u_a (.clk, .rst, .lvl(active), .cnt(starts));
  pulse_cnt #(.W(14), .LEAD(1'b0)) u_b (.clk, .rst, .lvl(active), .cnt(ends));
endmodule
