// TDM slot counter (mod 12) with mod-4 sub-frame and mod-3 phase counters kept in the same block.
module tdm_flat (
  input        clk,
  input        rst,
  input        tick,
  output reg [3:0] slot,
  output       sub_end,
  output       ph_end,
  output [1:0] sub
);
  reg [1:0] c4;
  reg [1:0] c3;
  assign sub = c4;
  assign sub_end = tick && c4 == 2'd3;
  assign ph_end  = tick && c3 == 2'd2;
  always @(posedge clk) begin
    if (rst) begin slot <= 4'd0; c4 <= 2'd0; c3 <= 2'd0; end
    else if (tick) begin
      slot <= (slot == 4'd11) ? 4'd0 : slot + 4'd1;
      c4 <= c4 + 2'd1;
      c3 <= (c3 == 2'd2) ? 2'd0 : c3 + 2'd1;
    end
  end
endmodule
