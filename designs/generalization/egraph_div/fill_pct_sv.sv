// Buffer watermark: the fill level in percent of a run-time depth, computed by a function in a child
// module, flagged high / low against constant watermarks; an empty configuration (depth 0) reads idle.
module fill_pct #(parameter int LW = 8) (
  input  logic [LW-1:0] level,
  input  logic [LW-1:0] depth,
  output logic [LW+6:0] pct
);
  function automatic logic [LW+6:0] percent(input logic [LW-1:0] l, input logic [LW-1:0] d);
    percent = (l * 7'd100) / d;
  endfunction
  always_comb pct = percent(level, depth);
endmodule

module watermark (
  input  logic       clk,
  input  logic       rst_n,
  input  logic [7:0] level,
  input  logic [7:0] depth,
  output logic       hi_q,
  output logic       lo_q
);
  logic [14:0] pct;
  logic hi, lo;
  fill_pct #(.LW(8)) u_pct (.level, .depth, .pct);
  always_comb begin
    hi = 1'b0;
    lo = 1'b0;
    if (depth != '0) begin
      if (pct >= 15'd90) hi = 1'b1;
      if (pct <= 15'd10) lo = 1'b1;
    end
  end
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      hi_q <= 1'b0;
      lo_q <= 1'b0;
    end else begin
      hi_q <= hi;
      lo_q <= lo;
    end
endmodule
