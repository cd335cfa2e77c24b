// Buffer watermark, cross-multiplied: 100*level/depth >= 90 <=> 100*level >= 90*depth and
// <= 10 <=> 100*level < 11*depth (depth != 0): the child's divider goes unread.
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
  logic [15:0] num, dep;
  logic hi, lo;
  assign num = level * 16'd100;
  assign dep = {8'd0, depth};
  always_comb begin
    hi = 1'b0;
    lo = 1'b0;
    if (depth != '0) begin
      if (num >= dep * 16'd90) hi = 1'b1;
      if (num < dep * 16'd11) lo = 1'b1;
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
