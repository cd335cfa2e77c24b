// Core activity counters: active cycles, stall cycles and total cycles.
module activity_counters (
  input  wire        clk,
  input  wire        rst,
  input  wire        count_en,
  input  wire        stall,
  output reg  [31:0] active_cycles,
  output reg  [31:0] stall_cycles,
  output reg  [31:0] total_cycles
);
  always @(posedge clk) begin
    if (rst) begin
      active_cycles <= 32'd0;
      stall_cycles  <= 32'd0;
      total_cycles  <= 32'd0;
    end else if (count_en) begin
      total_cycles <= total_cycles + 32'd1;
      if (stall) stall_cycles  <= stall_cycles + 32'd1;
      else       active_cycles <= active_cycles + 32'd1;
    end
  end
endmodule
